/**
 * Runs the integration tests with @vscode/test-electron, for machines that can download VS Code
 * (`npm run test:integration:electron`). CI here uses the offline host instead (scripts/test-integration.sh).
 */
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..');
  await runTests({
    version: process.env.VSCODE_VERSION ?? '1.100.3',
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(__dirname, 'index.js'),
    launchArgs: [path.join(root, 'test', 'workspaces', 'integration'), '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
