import { describe, expect, it } from "vitest";

import { startProcess, type Stream } from "../../src/runner/process.js";
import { tempDir } from "../helpers/tree.js";

/** Starts `node -e script` with an environment of `env` alone; collects its lines. */
function node(script: string, env: Record<string, string> = {}) {
  const lines: string[] = [];
  const process_ = startProcess({
    command: process.execPath,
    args: ["-e", script],
    cwd: tempDir(),
    env,
    onLine: (stream: Stream, line: string) => lines.push(`${stream}: ${line}`),
  });
  return { lines, process: process_ };
}

describe("a terraform process", () => {
  it("delivers whole lines, however the output is cut, and a last unterminated line at the end", async () => {
    const { lines, process } = node(`
      const write = (text) => new Promise((done) => process.stdout.write(text, done));
      const pause = () => new Promise((done) => setTimeout(done, 20));
      (async () => {
        await write("first pa"); await pause();
        await write("rt\\r\\nsecond\\nthi"); await pause();
        process.stderr.write("on stderr\\n");
        await write("rd");
      })();`);

    const result = await process.result;

    expect(result).toEqual({ exitCode: 0, failure: undefined });
    expect(lines.filter((line) => line.startsWith("stdout"))).toEqual([
      "stdout: first part", "stdout: second", "stdout: third",
    ]);
    expect(lines).toContain("stderr: on stderr");
  });

  it("gets the environment it is given and nothing else", async () => {
    const { lines, process } = node("console.log(JSON.stringify(process.env))", { ONLY: "this" });

    await process.result;

    expect(JSON.parse(lines[0]?.slice("stdout: ".length) ?? "")).toEqual({ ONLY: "this" });
  });

  it("resolves to the exit code the process chose", async () => {
    const { process } = node("process.exit(3)");

    expect(await process.result).toEqual({ exitCode: 3, failure: undefined });
  });

  it("resolves to 127 with the command's name when it cannot be found", async () => {
    const result = await startProcess({
      command: "terrace-no-such-terraform", args: [], cwd: tempDir(), env: { PATH: tempDir() }, onLine: () => {},
    }).result;

    expect(result).toEqual({ exitCode: 127, failure: "terrace-no-such-terraform: command not found" });
  });

  it("passes an interrupt as SIGINT, which the process may handle and finish", async () => {
    const { lines, process } = node(`
      process.on("SIGINT", () => { console.log("finishing"); process.exit(130); });
      console.log("ready");
      setTimeout(() => {}, 10000);`);
    while (!lines.includes("stdout: ready")) await new Promise((resolve) => setTimeout(resolve, 10));

    process.interrupt();

    expect(await process.result).toEqual({ exitCode: 130, failure: undefined });
    expect(lines).toEqual(["stdout: ready", "stdout: finishing"]);
  });

  it("is stopped at once by kill, even when it ignores SIGINT", async () => {
    const { lines, process } = node(`
      process.on("SIGINT", () => {});
      console.log("ready");
      setTimeout(() => {}, 10000);`);
    while (!lines.includes("stdout: ready")) await new Promise((resolve) => setTimeout(resolve, 10));

    process.interrupt();
    process.kill();

    expect(await process.result).toEqual({ exitCode: 137, failure: "killed by SIGKILL" });
  });
});
