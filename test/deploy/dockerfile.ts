// A small reader of the repository's Dockerfile for the tests: instructions by stage, with
// line continuations joined and ARG defaults substituted into FROM lines.
import { readFileSync } from 'node:fs';

export interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

export interface Stage {
  name: string | undefined;
  image: string;
  instructions: Instruction[];
}

/** The stages of a Dockerfile, in order; ARGs declared before the first FROM fill `${NAME}` in FROM lines. */
export function readDockerfile(path: string): Stage[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const globalArgs = new Map<string, string>();
  const stages: Stage[] = [];
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let text = lines[i]!;
    if (/^\s*(#|$)/.test(text)) continue;
    while (text.endsWith('\\') && i + 1 < lines.length) {
      i++;
      const next = lines[i]!;
      if (/^\s*#/.test(next)) continue;
      text = `${text.slice(0, -1)} ${next.trim()}`;
    }
    const m = /^\s*([A-Za-z]+)\s+(.*)$/.exec(text);
    if (!m) throw new Error(`Dockerfile:${start + 1}: cannot read "${text}"`);
    const keyword = m[1]!.toUpperCase();
    const args = m[2]!.trim();
    if (keyword === 'ARG' && stages.length === 0) {
      const [name, value = ''] = args.split('=');
      globalArgs.set(name!, value);
      continue;
    }
    if (keyword === 'FROM') {
      const from = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args);
      if (!from) throw new Error(`Dockerfile:${start + 1}: cannot read FROM "${args}"`);
      const image = from[1]!.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a: string | undefined, b: string | undefined) => globalArgs.get((a ?? b)!) ?? '');
      stages.push({ name: from[2], image, instructions: [] });
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) throw new Error(`Dockerfile:${start + 1}: ${keyword} before the first FROM`);
    stage.instructions.push({ keyword, args, line: start + 1 });
  }
  return stages;
}

/** The JSON (exec) form of CMD / ENTRYPOINT / HEALTHCHECK CMD arguments; throws on the shell form. */
export function execForm(args: string, where: string): string[] {
  const json = args.slice(args.indexOf('['));
  try {
    const value = JSON.parse(json) as unknown;
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  } catch {
    // reported below
  }
  throw new Error(`${where}: expected the exec form ["cmd", "arg", ...], got ${args}`);
}

/** The HEALTHCHECK command of the last stage, as an argv. */
export function healthcheckCommand(stages: Stage[]): string[] {
  const check = stages.at(-1)?.instructions.find((i) => i.keyword === 'HEALTHCHECK');
  if (!check) throw new Error('Dockerfile: the runtime stage has no HEALTHCHECK');
  const cmd = /\bCMD\s+(\[.*\])\s*$/.exec(check.args);
  if (!cmd) throw new Error(`Dockerfile:${check.line}: HEALTHCHECK needs CMD in exec form`);
  return execForm(cmd[1]!, `Dockerfile:${check.line}`);
}
