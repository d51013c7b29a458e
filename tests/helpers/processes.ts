import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

/** Child processes for the fault tests: tests/helpers/fault-child.ts, run by tsx. */

const root = path.resolve(import.meta.dirname, "..", "..");

export type Child = {
  process: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  /** Resolves with the first line matching `pattern`, waiting up to timeoutMs. */
  line(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves once it has exited. */
  exited(): Promise<void>;
  kill(signal: NodeJS.Signals): void;
  /** Writes one line to its standard input (the `instance` mode reads commands there). */
  send(line: string): void;
};

export function startChild(args: string[], env: Record<string, string> = {}): Child {
  const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), [path.join(root, "tests", "helpers", "fault-child.ts"), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    out += chunk.toString("utf8");
    for (const l of listeners) l();
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  const exit = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    process: child,
    output: () => out,
    line(pattern, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = out.split("\n").find((l) => pattern.test(l));
          if (found !== undefined) {
            cleanup();
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no line matching ${pattern} after ${timeoutMs} ms; output:\n${out.slice(-3000)}`));
        }, timeoutMs);
        const onExit = () => {
          check();
          cleanup();
          reject(new Error(`the child exited before printing ${pattern}; output:\n${out.slice(-3000)}`));
        };
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
          child.off("exit", onExit);
        };
        listeners.add(check);
        child.once("exit", onExit);
        check();
      });
    },
    exited: () => exit,
    send(line) {
      child.stdin!.write(`${line}\n`);
    },
    kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
}
