// The architecture's import rules (docs/architecture.md, README "Development"), checked by `npm run lint`:
//   npx depcruise src monitor
// Paths are relative to the repository root. Type-only imports count (tsPreCompilationDeps), dynamic imports too.

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "core-imports-no-edge",
      comment:
        "The core (src/ but src/action/ and src/cli/) knows nothing of the runner, the command line or the monitor: " +
        "they call it, never the other way round. Type imports included.",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/(action|cli)/" },
      to: { path: "^(src/action/|src/cli/|monitor/)" },
    },
    {
      name: "stats-imports-nothing-of-ours",
      comment: "src/stats/ is plain statistics on typed arrays: it imports nothing of ours outside src/stats/.",
      severity: "error",
      from: { path: "^src/stats/" },
      to: { path: "^(src|monitor)/", pathNot: "^src/stats/" },
    },
    {
      name: "data-imports-only-stats-and-errors",
      comment: "src/data/ (loaders, the Table) builds on src/stats/ and the shared error types (src/errors.ts) only.",
      severity: "error",
      from: { path: "^src/data/" },
      to: { path: "^(src|monitor)/", pathNot: "^src/(data/|stats/|errors\\.ts$)" },
    },
    {
      name: "octokit-only-in-github",
      comment:
        "src/github/ is the only module that talks to GitHub: nothing else imports octokit or @actions/github " +
        "(src/registry/ goes through src/github/).",
      severity: "error",
      from: { path: "^(src|monitor)/", pathNot: "^src/github/" },
      to: { path: "node_modules/(@octokit/|octokit/|@actions/github/)" },
    },
    {
      name: "no-circular",
      comment: "No import cycles, inside a folder either.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "not-to-unresolvable",
      comment: "An import that does not resolve is a typo or a missing dependency; the rules above would not see it.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    // ESM TypeScript imports name the emitted .js file: dependency-cruiser resolves those to the .ts source itself.
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
  },
};
