/** Asks for a password on the terminal without echoing it. */
import { createInterface } from 'node:readline';

export function askHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const output = process.stderr;
    const rl = createInterface({ input: process.stdin, output, terminal: true });
    const write = (rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput;
    (rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = (text: string) => {
      // Echo the question and the final newline, never the typed characters.
      if (text.startsWith(question) || text === '\r\n' || text === '\n') write.call(rl, text);
    };
    rl.question(question, (answer) => {
      rl.close();
      output.write('\n');
      resolve(answer);
    });
    rl.on('SIGINT', () => {
      rl.close();
      reject(new Error('cancelled'));
    });
  });
}
