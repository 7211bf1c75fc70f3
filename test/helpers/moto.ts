/**
 * moto_server, a real STS and IAM endpoint, on a free loopback port for the tests of one file.
 * It issues credentials that expire at now + the duration asked and knows which role each set
 * belongs to, but enforces neither a role's MaxSessionDuration nor token expiry (the STS stub
 * covers those). Tests must check `requireTool` before they use it.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { promisify } from "node:util";

const run = promisify(execFile);

/** A port free on 127.0.0.1 a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port from listen(0)");
  return address.port;
}

/** Runs the AWS CLI with exactly `env`; its parsed JSON output. */
export async function awsCli(args: string[], env: Record<string, string | undefined>): Promise<unknown> {
  try {
    const options = { env, encoding: "utf8", timeout: 20_000 } as const;
    const { stdout } = await run("aws", [...args, "--output", "json"], options);
    return JSON.parse(stdout) as unknown;
  } catch (error) {
    const failure = error as { stderr?: string; message: string };
    throw new Error(`aws ${args.join(" ")} failed: ${failure.stderr ?? failure.message}`);
  }
}

export class Moto {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    private readonly log: string[],
  ) {}

  /** Starts moto_server and resolves once it answers HTTP. */
  static async start(): Promise<Moto> {
    const port = await freePort();
    const log: string[] = [];
    const child = spawn("moto_server", ["-H", "127.0.0.1", "-p", String(port)], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout?.setEncoding("utf8").on("data", (text: string) => void log.push(text));
    child.stderr?.setEncoding("utf8").on("data", (text: string) => void log.push(text));
    const moto = new Moto(child, `http://127.0.0.1:${port}`, log);
    await moto.ready();
    return moto;
  }

  /** The environment of a client that talks to moto with its default (static) credentials. */
  env(): Record<string, string> {
    return {
      AWS_ENDPOINT_URL: this.url,
      AWS_ACCESS_KEY_ID: "test",
      AWS_SECRET_ACCESS_KEY: "test",
      AWS_REGION: "us-east-1",
      AWS_DEFAULT_REGION: "us-east-1",
      AWS_CONFIG_FILE: "/dev/null",
      AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
    };
  }

  /** Creates an IAM role that the account's users may assume, for up to `maxSessionDuration` s. */
  async createRole(name: string, maxSessionDuration = 3600): Promise<void> {
    const trust = JSON.stringify({
      Version: "2012-10-17",
      Statement: [{
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::123456789012:root" },
        Action: "sts:AssumeRole",
      }],
    });
    const args = ["iam", "create-role", "--role-name", name, "--assume-role-policy-document", trust,
      "--max-session-duration", String(maxSessionDuration)];
    await awsCli(args, {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...this.env(),
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    this.child.kill("SIGTERM");
    await exited;
  }

  private async ready(): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) {
        throw new Error(`moto_server exited with ${this.child.exitCode}:\n${this.log.join("")}`);
      }
      try {
        const response = await fetch(`${this.url}/moto-api/`);
        await response.arrayBuffer();
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await this.stop();
    throw new Error(`moto_server did not answer on ${this.url} within 20 s:\n${this.log.join("")}`);
  }
}
