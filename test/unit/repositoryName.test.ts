/**
 * The repository name a JSON report records when `--repository` is not given: the git config's `origin`
 * remote (else the first remote) as `owner/name`, whatever the URL's form.
 */
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { remoteUrl, repositoryName } from '../../src/core/report/repositoryName';

test('owner/name from https, scp-like, ssh and plain path URLs', () => {
  assert.equal(repositoryName('https://github.com/acme/messenger.git'), 'acme/messenger');
  assert.equal(repositoryName('git@github.com:acme/messenger.git'), 'acme/messenger');
  assert.equal(repositoryName('ssh://git@git.example.com:2222/group/sub/app'), 'sub/app');
  assert.equal(repositoryName('/srv/git/app.git/'), 'git/app');
  assert.equal(repositoryName(''), undefined);
});

test('the origin remote wins over others; the first remote otherwise; none without remotes', () => {
  const config = '[core]\n\tbare = false\n[remote "upstream"]\n\turl = https://github.com/up/app.git\n[remote "origin"]\n\turl = git@github.com:acme/app.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n';
  assert.equal(remoteUrl(config), 'git@github.com:acme/app.git');
  assert.equal(remoteUrl('[remote "fork"]\n  url = https://x.example/me/app\n'), 'https://x.example/me/app');
  assert.equal(remoteUrl('[core]\n\turl = not-a-remote\n'), undefined);
});
