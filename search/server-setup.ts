import type { Meilisearch } from "meilisearch";
import { SEARCH_KEY_UID, searchErrorCode } from "./client";
import { INDEX_NAMES } from "./settings";

/**
 * What the portal checks and prepares on the Meilisearch server at every start, embedded or
 * external (docs/decisions/143): a version it was tested with, and the key its searches use.
 */

/** Vivier is tested on 1.21; older servers lack what it relies on, a 2.x may break the API. */
export const TESTED_VERSION = { major: 1, minor: 21 };

export class SearchServerError extends Error {}

/** Refuses a server outside 1.21 ≤ version < 2, with a message for the person starting the portal. */
export function checkVersion(pkgVersion: string): { warning?: string } {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(pkgVersion);
  const tested = `${TESTED_VERSION.major}.${TESTED_VERSION.minor}`;
  if (!m) throw new SearchServerError(`Meilisearch : version illisible (« ${pkgVersion} »). Vivier est testé avec Meilisearch ${tested}.x.\nMeilisearch: unreadable version "${pkgVersion}"; Vivier is tested with ${tested}.x.`);
  const [major, minor] = [Number(m[1]), Number(m[2])];
  if (major !== TESTED_VERSION.major || minor < TESTED_VERSION.minor) {
    throw new SearchServerError(
      `Meilisearch ${pkgVersion} n’est pas pris en charge : Vivier demande une version ${tested}.x (ou une 1.x plus récente). Mettez à jour le serveur Meilisearch (MEILI_URL), ou retirez MEILI_URL pour utiliser le moteur intégré.\n` +
        `Meilisearch ${pkgVersion} is not supported: Vivier needs ${tested}.x (or a later 1.x).`,
    );
  }
  if (minor > TESTED_VERSION.minor) {
    return { warning: `Meilisearch ${pkgVersion} : Vivier est testé avec ${tested}.x ; lancez les tests de recherche contre ce serveur avant de l’ouvrir au public (filtre de confidentialité).` };
  }
  return {};
}

/** Asks the server its version and checks it (throws SearchServerError). */
export async function checkServerVersion(client: Meilisearch): Promise<{ version: string; warning?: string }> {
  const { pkgVersion } = await client.getVersion();
  return { version: pkgVersion, ...checkVersion(pkgVersion) };
}

/**
 * What searches may do: search, and read the index's stats (the talent search asks which
 * attributes the index knows; search/candidate-search.ts). Nothing that writes, nor reads a
 * document outside a search, nor any other index.
 */
export const SEARCH_KEY_ACTIONS = ["search", "stats.get"];

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Makes sure the search key exists with exactly these rights (a key's rights cannot be changed:
 * one with other rights is deleted and created again) and returns its value. Instances starting
 * together may both create it: the second is told it exists, and reads it.
 */
export async function ensureSearchKey(client: Meilisearch): Promise<string> {
  const wanted = { actions: SEARCH_KEY_ACTIONS, indexes: [...INDEX_NAMES] };
  const read = async () => {
    try {
      return await client.getKey(SEARCH_KEY_UID);
    } catch (error) {
      if (searchErrorCode(error) === "api_key_not_found") return null;
      throw error;
    }
  };
  let key = await read();
  if (key && !(sameSet(key.actions, wanted.actions) && sameSet(key.indexes, wanted.indexes) && key.expiresAt === null)) {
    await client.deleteKey(SEARCH_KEY_UID);
    key = null;
  }
  if (!key) {
    try {
      key = await client.createKey({
        uid: SEARCH_KEY_UID,
        name: "Vivier : recherches",
        description: "Created by the Vivier portal at start: searches only, on its indexes. The master key never leaves the portal's index updates.",
        ...wanted,
        expiresAt: null,
      });
    } catch (error) {
      if (searchErrorCode(error) !== "api_key_already_exists") throw error;
      key = await client.getKey(SEARCH_KEY_UID);
    }
  }
  return key.key;
}

/** Version, then search key: what a start does once Meilisearch answers. */
export async function prepareSearchServer(client: Meilisearch): Promise<{ version: string; warning?: string; searchKey: string }> {
  const version = await checkServerVersion(client);
  return { ...version, searchKey: await ensureSearchKey(client) };
}
