// The direction between the folders of src/ (docs/development.md "Folder direction"), checked by
// `npm run lint` (depcruise) and test/build/folder-direction.test.ts. Data flows one way: input →
// record → engine → runbooks → actions and their renderings → executors and the SDK → sandbox →
// walkthrough → screens and components → app, commands and cli.tsx; a folder imports only from
// below itself. Type-only imports count like any other.

/** A regular expression for files under these folders of src/. */
const under = (...folders) => `^src/(${folders.join('|')})/`;

/** The shared leaves anything may use: text helpers, the theme, key names, exit codes, the version. */
const leaves = '^src/(text|ui|keys)/|^src/(exit-codes|version|build-id)[.]ts$';

/** What the user drives, above the walkthrough: never imported by anything below it. */
const ui = ['screens', 'components', 'app', 'commands'];

/** What records, replays or prints a walk (journal, report, plan), and the triage of log folders. */
const sessionOutput = ['journal', 'report', 'plan', 'triage'];

/** The AWS edge that sends or simulates calls. */
const awsEdge = ['aws/executors', 'aws/sdk', 'aws/sandbox', 'aws/cloudtrail'];

/** A rule that forbids `from` to import `to`; comment says why, in a few words. */
const forbid = (name, comment, from, to) => ({name, comment, severity: 'error', from, to});

export default {
  forbidden: [
    forbid('no-circular', 'No module may reach itself through its imports.', {path: '^src/'}, {circular: true}),
    {
      ...forbid('no-folder-cycle', 'No folder may reach itself through the imports of its files.', {path: '^src/(app|commands|screens|components|walkthrough|journal|report|plan|triage|scenarios|events|keys|text|ui)$'}, {circular: true}),
      scope: 'folder',
    },
    // TODO(issue 14): every folder of src/, once these folder cycles are gone. dependency-cruiser counts a
    // folder's subfolders as part of it, so all of src/aws (action model, renderers, executors, sandbox, now,
    // verify) is one folder here, and it is in cycles with the engine's folders while the engine is being built:
    // src/engine → src/aws (engine-types.ts, ids.ts, state.ts, verify.ts → aws/action.ts; now.ts → aws/now/now.ts)
    // while src/aws/sandbox/cidr.ts → src/engine/cidr.ts; src/engine/findings.ts → src/findings while
    // src/findings/*.ts → src/engine/cidr.ts; and src/runbooks → src/aws/operations.ts while
    // src/aws/sandbox/seeds.ts → src/runbooks/registry.ts (allowed: the sandbox is above the runbooks).
    // {...forbid('no-folder-cycle-anywhere', 'No folder may reach itself.', {path: '^src/'}, {circular: true}), scope: 'folder'},
    forbid('not-to-test', 'The app never imports tests, scripts, benchmarks or the build.', {path: '^src/'}, {path: '^(test|scripts|bench|dist)/'}),
    forbid('not-to-unresolvable', 'Every import resolves, so no import escapes these rules.', {path: '^src/'}, {couldNotResolve: true}),
    forbid('not-to-cli', 'cli.tsx is the entry: nothing imports it.', {}, {path: '^src/cli[.]tsx$'}),

    // Shared leaves and input.
    forbid('leaves-stay-leaves', 'text/, ui/, keys/, exit-codes.ts and version.ts import only each other.', {path: leaves}, {path: '^src/', pathNot: leaves}),
    forbid('events-is-input', 'events/ (reading and parsing records) imports only events/ and the leaves.', {path: '^src/events/'}, {path: '^src/', pathNot: `^src/events/|${leaves}`}),
    forbid('cloudtrail-is-input', 'aws/cloudtrail/ (LookupEvents) imports only records and the leaves; the caller chooses the event names.', {path: '^src/aws/cloudtrail/'}, {path: '^src/', pathNot: `^src/(aws/cloudtrail|events)/|${leaves}`}),

    // The engine and the findings: pure, below the runbooks.
    forbid('engine-below-runbooks', 'engine/ evaluates; it knows no runbook, walk, screen, command, executor, sandbox or session.', {path: '^src/engine/'}, {path: under('runbooks', 'scenarios', 'walkthrough', ...sessionOutput, ...ui, ...awsEdge)}),
    forbid('findings-below-runbooks', 'findings/ is the engine\'s: the same folders are above it.', {path: '^src/findings/'}, {path: under('runbooks', 'scenarios', 'walkthrough', ...sessionOutput, ...ui, ...awsEdge)}),

    // Runbooks: data and binding, above the engine and the action model.
    forbid('runbooks-below-walkthrough', 'runbooks/ binds facts to actions; it knows no walk, scenario, session, screen or AWS edge.', {path: '^src/runbooks/'}, {path: under('scenarios', 'walkthrough', ...sessionOutput, ...ui, ...awsEdge)}),
    forbid('action-model-not-to-runbooks', 'The action model, renderers, reads and checks of src/aws are the runbooks\' vocabulary: they never import a runbook (only executors, the SDK edge and the sandbox are above runbooks).', {path: '^src/aws/([^/]+[.]ts$|render/|now/|verify)'}, {path: '^src/runbooks/'}),

    // src/aws inside: action model and renderers → executors and SDK → sandbox.
    forbid('aws-below-walkthrough', 'Nothing in src/aws imports a walk, a scenario, a session or the UI.', {path: '^src/aws/'}, {path: under('scenarios', 'walkthrough', ...sessionOutput, ...ui)}),
    forbid('action-model-below-executors', 'The action model (src/aws/*.ts) and renderers know executors only by their interface (executors/executor.ts), and no SDK or sandbox.', {path: '^src/aws/[^/]+[.]ts$|^src/aws/render/'}, {path: '^src/aws/(executors|sdk|sandbox|cloudtrail)/', pathNot: '^src/aws/executors/executor[.]ts$|^src/aws/sdk/aws-sdk[.]ts$'}),
    forbid('renderers-pure', 'Renderers turn an action into text: no executor, SDK or sandbox at all.', {path: '^src/aws/render/'}, {path: under('aws/executors', 'aws/sdk', 'aws/sandbox')}),
    forbid('executors-below-sandbox', 'Executors and the SDK edge never import the sandbox that simulates them.', {path: under('aws/executors', 'aws/sdk')}, {path: under('aws/sandbox')}),
    // TODO(issue 14, verify work in progress): src/aws/verify/{network,routes,security-groups}.ts import the
    // sandbox's cidr.ts and rules.ts; verify belongs to the engine, below the sandbox. Enable once they no longer do:
    // forbid('verify-below-sandbox', 'Verification is the engine\'s: it never imports the sandbox.', {path: '^src/aws/verify'}, {path: under('aws/sandbox')}),

    // Scenarios and the walkthrough.
    forbid('scenarios-below-walkthrough', 'scenarios/ (training data, checked with the sandbox) knows no walk, session or UI.', {path: '^src/scenarios/'}, {path: under('walkthrough', ...sessionOutput, ...ui)}),
    forbid('walkthrough-below-ui', 'walkthrough/ (the pure state machine) knows no screen, command, journal, report or AWS edge.', {path: '^src/walkthrough/'}, {path: under(...ui, ...sessionOutput, 'aws/sdk', 'aws/sandbox', 'aws/cloudtrail')}),
    forbid('walkthrough-no-executors', 'walkthrough/ records requests; it uses only the executor\'s interface, never an executor.', {path: '^src/walkthrough/'}, {path: '^src/aws/executors/', pathNot: '^src/aws/executors/executor[.]ts$'}),

    // Sessions: the journal records a walk; the report and the plan print it.
    forbid('journal-below-report', 'journal/ records and replays a walk: it knows no report, plan, screen or command.', {path: '^src/journal/'}, {path: under('report', 'plan', ...ui)}),
    forbid('output-below-ui', 'report/, plan/ and triage/ are what commands print: no screen, app or command.', {path: under('report', 'plan', 'triage')}, {path: under(...ui)}),
    forbid('triage-no-walk', 'triage/ reads and ranks log files: no walk, journal, executor, SDK or sandbox.', {path: '^src/triage/'}, {path: under('walkthrough', 'journal', 'aws/executors', 'aws/sdk', 'aws/sandbox')}),

    // The actor's timeline: its types and pure query builders sit beside the records; its engines (files, LookupEvents, Lake, Athena) are an edge.
    forbid('timeline-core-pure', 'src/timeline/*.ts and sql/ (actor, filters, query text) import only records, findings and the leaves.', {path: '^src/timeline/([^/]+[.]ts$|sql/)'}, {path: '^src/', pathNot: `^src/(timeline/([^/]+[.]ts$|sql/)|events/|findings/)|${leaves}`}),
    forbid('timeline-engines-edge', 'Only the app and the commands use the timeline engines (they read files and call AWS).', {path: '^src/', pathNot: '^src/(app|commands|timeline)/'}, {path: '^src/timeline/engines/'}),
    forbid('timeline-engines-no-walk', 'The timeline engines search; they know no walk, screen, journal, executor or sandbox.', {path: '^src/timeline/engines/'}, {path: under('walkthrough', 'journal', 'aws/executors', 'aws/sandbox', ...ui)}),

    // Rendering, then the app, then the commands.
    forbid('screens-below-app', 'screens/ and components/ render state: no app, command, journal, SDK, sandbox or executor (only its interface).', {path: under('screens', 'components')}, {path: '^src/(app|commands|journal|aws/sdk|aws/sandbox|aws/executors)/', pathNot: '^src/aws/executors/executor[.]ts$'}),
    forbid('components-below-screens', 'A component is a piece of a screen: it never imports one.', {path: '^src/components/'}, {path: '^src/screens/'}),
    forbid('app-below-commands', 'app/ is mounted by the commands: it never imports one.', {path: '^src/app/'}, {path: '^src/commands/'}),
  ],
  options: {
    doNotFollow: {path: 'node_modules'},
    // Type-only imports are edges too: a cycle of types is still a cycle.
    tsPreCompilationDeps: true,
    tsConfig: {fileName: 'tsconfig.json'},
    // Packages resolve through their "exports" (ink has only types and default), so none reads as unresolvable.
    enhancedResolveOptions: {exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json']},
    // Only what the rules need is computed (no metrics, no orphans).
    skipAnalysisNotInRules: true,
  },
};
