import { describe, expect, it } from 'vitest';
import { htmlToText } from './htmlText';

describe('htmlToText', () => {
  it('keeps the words and line structure, drops scripts, styles, the head and comments with their content', () => {
    const html = `<html><head><title>t</title><style>p{color:red}</style></head><body>
      <p>Hello,</p><p>the screen has a <b>dead</b> pixel.<br>See photo.</p>
      <script>alert("x")</script><!-- hidden --><SCRIPT type="x">steal()</SCRIPT>
      <div>Anna &amp; Jan &lt;3 &#8364;5 &#x1F600;</div></body></html>`;
    expect(htmlToText(html)).toBe('Hello,\n\nthe screen has a dead pixel.\nSee photo.\n\nAnna & Jan <3 €5 😀');
  });

  it('drops an unclosed script and everything after it, and a tag left open at the end', () => {
    expect(htmlToText('before<script>while(1){}')).toBe('before');
    expect(htmlToText('text <img src="x" onerror="y"')).toBe('text');
    expect(htmlToText('a <!-- never closed')).toBe('a');
  });

  it('turns bad numeric entities into a replacement character instead of throwing', () => {
    expect(htmlToText('&#xD800; &#9999999; &bogus;')).toBe('\uFFFD \uFFFD &bogus;');
  });

  it('takes time in proportion to a hostile input', () => {
    const hostile = '<script>'.repeat(200_000) + '<'.repeat(200_000);
    const started = performance.now();
    htmlToText(hostile);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
