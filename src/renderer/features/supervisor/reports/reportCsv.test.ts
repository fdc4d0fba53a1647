// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../i18n/createI18n';
import { NOW } from '../../../test/builders';
import { presetPeriod } from './period';
import { aReport } from './reportBuilders';
import { csvField } from '../../../lib/csv';
import { reportCsv } from './reportCsv';
import { sortAgents } from './reportFigures';

const zone = 'Europe/Athens';
const week = presetPeriod('lastWeek', NOW, zone);
const report = aReport({ ...week, granularity: 'day', timeZone: zone, compare: true });
const filters = [{ label: 'Queue', value: 'Chat support' }];

function csvIn(lng: 'en' | 'pl' | 'el') {
  const i18n = createI18n(lng);
  const agents = sortAgents(report.agents, { column: 'handled', direction: 'descending' }, lng);
  return reportCsv({ report, ...week, filters, agents, lng, t: i18n.t.bind(i18n) });
}

describe('the report as CSV', () => {
  it('quotes fields with commas, quotes or line breaks, doubles quotes, and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=1+2')).toBe("'=1+2");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField('')).toBe('');
  });

  it('opens with a byte order mark, heads with the period, zone and filters, and ends its lines with CRLF', () => {
    const csv = csvIn('en');
    expect(csv.startsWith('\uFEFFReports\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toMatch(/^Period,"Nov 16\s*–\s*22, 2026"$/);
    expect(lines.slice(2, 5)).toEqual(['Time zone,Europe/Athens', 'Show by,Day', 'Queue,Chat support']);
  });

  it('writes the summary as the cards show it, with the previous period, the change and the raw values', () => {
    const lines = csvIn('en').split('\r\n');
    const summary = lines.indexOf('Summary');
    expect(lines[summary + 1]).toBe('Measure,Key,This period,Previous period,Change,This period (raw),Previous period (raw)');
    expect(lines.slice(summary + 2, summary + 16)).toEqual([
      'Cases created,created,120,100,Up 20 (20%),120,100',
      'Cases resolved,resolved,100,100,No change,100,100',
      '"First response, median",firstResponseP50,12 min,15 min,Down 3 min,720000,900000',
      '"First response, 90th percentile",firstResponseP90,45 min,45 min,No change,2700000,2700000',
      '"Next response, median",nextResponseP50,5 min,5 min,No change,300000,300000',
      '"Next response, 90th percentile",nextResponseP90,30 min,30 min,No change,1800000,1800000',
      '"Resolution, median",resolutionP50,3 hr,3 hr,No change,10800000,10800000',
      '"Resolution, 90th percentile",resolutionP90,2 days 2 hr,2 days 2 hr,No change,180000000,180000000',
      'First replies within SLA,slaAttainment,85%,80%,Up 5 pts,0.85,0.8',
      'CSAT average (1–10),csatAverage,7.3,6.5,Up 0.8,7.25,6.5',
      'Survey answers,csatAnswers,40,30,Up 10 (33%),40,30',
      'Survey response rate,csatResponseRate,50%,50%,No change,0.5,0.5',
      'Negative customers,negativeShare,13%,No data,Nothing to compare with,0.125,',
      'Explained twice,explainedTwice,6,9,Down 3 (33%),6,9',
    ]);
  });

  it('writes the series, the answers by score, the channels and the agents as their tables show them', () => {
    const csv = csvIn('en');
    const section = (title: string) => csv.split('\r\n\r\n').find((s) => s.startsWith(`${title}\r\n`))!.split('\r\n').filter(Boolean);
    const series = section('Over time');
    expect(series[1]).toBe('Period,Created,Resolved,"First response, median",Survey answers,CSAT average,Negative customers');
    expect(series[2]).toBe('"Mon, Nov 16",70,60,10 min,25,7.5,10%');
    expect(series[3]).toMatch(/,50,40,No data,15,No data,No data$/);
    expect(section('Survey answers by score')).toHaveLength(12);
    expect(section('Volumes by channel').slice(1)).toEqual(['Channel,Customer messages,Replies,Cases started', 'Chat,300,280,80', 'Email,"1,500",90,40']);
    // In the table's order (most handled first); a name with a comma and quotes is quoted, one like a formula defused.
    expect(section('Agents').slice(1)).toEqual([
      'Agent,Cases handled,Resolved,Average talk time,CSAT average,Survey answers',
      '"Kowalski, Jan ""Kowal""",55,20,No data,No data,0',
      'Anna Nowak,40,30,6 min,8.5,12',
      "'=Eleni Papadopoulou,25,50,4 min,6.8,28",
    ]);
  });

  it('speaks the UI language, Greek and Polish letters and number formats included', () => {
    const el = csvIn('el');
    expect(el).toContain('\r\nΝέες υποθέσεις,created,120,100,Αύξηση 20 (20%),120,100\r\n');
    expect(el).toContain('\r\nΖώνη ώρας,Europe/Athens\r\n');
    const pl = csvIn('pl');
    expect(pl).toContain('\r\nŚrednia CSAT (1–10),csatAverage,"7,3","6,5","Wzrost o 0,8",7.25,6.5\r\n');
    // Polish groups thousands from 10 000 on: 1500 stays unseparated.
    expect(pl).toContain('\r\nE-mail,1500,90,40\r\n');
  });
});
