/** More than any password the rule accepts: what a pipe sends past it is not read. */
const MAX_LINE_BYTES = 4096;

/**
 * Reads one line from standard input: the first line of what is piped in (without its line ending), or, at a
 * terminal, what is typed after `prompt` with nothing echoed. Null when nothing came (end of input, Ctrl-D), and
 * Ctrl-C at the prompt ends the process as it would anywhere else.
 */
export function readSecretLine(prompt: string, input: NodeJS.ReadStream = process.stdin, output: NodeJS.WriteStream = process.stderr): Promise<string | null> {
  return input.isTTY ? readFromTerminal(prompt, input, output) : readFromPipe(input);
}

function readFromPipe(input: NodeJS.ReadStream): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    const done = () => {
      input.off('data', onData).off('end', done).off('error', reject);
      input.pause();
      const text = Buffer.concat(chunks).toString('utf8');
      const newline = text.search(/\r?\n/);
      resolve(newline < 0 && text === '' ? null : newline < 0 ? text : text.slice(0, newline));
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      bytes += chunk.length;
      if (bytes >= MAX_LINE_BYTES || chunk.includes(0x0a)) done();
    };
    input.on('data', onData).once('end', done).once('error', reject);
  });
}

function readFromTerminal(prompt: string, input: NodeJS.ReadStream, output: NodeJS.WriteStream): Promise<string | null> {
  output.write(prompt);
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((resolve) => {
    let line = '';
    const finish = (value: string | null) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      output.write('\n');
      resolve(value);
    };
    const onData = (typed: string) => {
      for (const ch of typed) {
        if (ch === '\r' || ch === '\n') return finish(line);
        if (ch === '\u0004') return finish(line === '' ? null : line);
        if (ch === '\u0003') {
          input.setRawMode(false);
          output.write('\n');
          process.exit(130);
        }
        if (ch === '\u007f' || ch === '\b') line = [...line].slice(0, -1).join('');
        else if (ch >= ' ') line += ch;
      }
    };
    input.on('data', onData);
  });
}
