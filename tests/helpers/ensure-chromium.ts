/**
 * `npm test` needs Debian's Chromium for the end-to-end tests. Finds it, or installs it with
 * apt-get when running as root on Debian, or stops with a message saying what to do.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const path = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

if (!fs.existsSync(path)) {
  const isRoot = process.getuid?.() === 0;
  const hasApt = fs.existsSync("/usr/bin/apt-get");
  if (isRoot && hasApt) {
    console.log("Chromium est absent : installation avec apt-get (une trentaine de secondes)…");
    const run = (args: string[]) => spawnSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (run(["update"]).status !== 0 || run(["install", "-y", "--no-install-recommends", "chromium"]).status !== 0 || !fs.existsSync(path)) {
      console.error("L’installation de Chromium a échoué. Installez-le à la main : apt-get install -y chromium");
      process.exit(1);
    }
  } else {
    console.error(
      `Les tests de bout en bout ont besoin de Chromium (${path}), introuvable.\n` +
        (hasApt ? "Installez-le : sudo apt-get install -y chromium\n" : "Installez Chromium avec le gestionnaire de paquets de votre système,\n") +
        "ou indiquez son chemin dans CHROMIUM_PATH. (N’utilisez pas « npx playwright install ».)",
    );
    process.exit(1);
  }
}
