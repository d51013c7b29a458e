import fs from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { runMatch, unknownCommunes } from "~/domain/matching.server";
import { matchInputSchema } from "~/schemas/matching";

/**
 * `npm run match -- --input file.json`: reads positions and profiles (README, « Le rapprochement
 * », the format and its zod schema in app/schemas/matching.ts) and prints, for each position, the
 * profiles ranked with their score and reasons, as JSON on stdout. `--input -` reads stdin.
 * Exits 2 on an input it cannot read, saying why on stderr.
 */

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

const { values } = parseArgs({ options: { input: { type: "string", short: "i" } } });
if (!values.input) fail("Usage: npm run match -- --input file.json   (or --input - for stdin)");
let text: string;
try {
  text = fs.readFileSync(values.input === "-" ? 0 : values.input, "utf8");
} catch (error) {
  fail(`Cannot read ${values.input}: ${(error as Error).message}`);
}
let json: unknown;
try {
  json = JSON.parse(text);
} catch (error) {
  fail(`${values.input} is not JSON: ${(error as Error).message}`);
}
const parsed = matchInputSchema.safeParse(json);
if (!parsed.success) fail(`${values.input} does not match the input schema:\n${z.prettifyError(parsed.error)}`);
const unknown = unknownCommunes(parsed.data);
if (unknown.length) fail(`Unknown INSEE commune codes: ${unknown.join(", ")}`);
process.stdout.write(`${JSON.stringify(runMatch(parsed.data), null, 2)}\n`);
