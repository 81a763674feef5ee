import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/project-paths';
import { describeWithChromium, launchChromium } from '../support/chromium';
import { newDataDir, startTestService, type TestService } from '../support/test-service';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts Microsoft's Agents Playground (a Teams client stand-in) against our bot. */
async function startPlayground(botUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const cli = path.join(PROJECT_ROOT, 'node_modules/@microsoft/m365agentsplayground/cli.js');
  const child = spawn(
    process.execPath,
    [cli, '-e', `${botUrl}/api/messages`, '-c', 'msteams', '-p', String(port), '--disable-telemetry'],
    {
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Agents Playground did not start')), 30000);
    child.stdout?.on(
      'data',
      (chunk: Buffer) => chunk.toString().includes(`Listening on ${port}`) && (clearTimeout(timer), resolve()),
    );
    child.on('exit', (code) => reject(new Error(`Agents Playground exited with ${code}`)));
  });
  return { url: `http://localhost:${port}`, child };
}

async function send(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox').first();
  await box.click();
  await box.pressSequentially(text);
  await page.keyboard.press('Enter');
}

describeWithChromium('chatting with refleks in the Microsoft 365 Agents Playground', () => {
  let service: TestService;
  let playground: { url: string; child: ChildProcess };
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    service = await startTestService({ DATA_DIR: newDataDir() });
    playground = await startPlayground(service.url);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(playground.url);
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    playground?.child.kill('SIGTERM');
    await service?.stop();
  });

  it('welcomes the user once on install and records them', async () => {
    await page.getByText("Hi! I'm refleks").waitFor({ timeout: 20000 });
    expect(await page.getByText("Hi! I'm refleks").count()).toBe(1);
    const health = (await (await fetch(`${service.url}/healthz`)).json()) as { activeRecipients: number };
    expect(health.activeRecipients).toBe(1);
  }, 30000);

  it('shows help when the user types "hjelp"', async () => {
    await send(page, 'hjelp');
    await page.getByText("Here's what I can help with").first().waitFor({ timeout: 15000 });
  }, 30000);

  it('switches to nynorsk from the language card', async () => {
    await send(page, 'språk');
    await page.getByRole('button', { name: 'Nynorsk' }).last().click({ timeout: 15000 });
    await page
      .getByRole('paragraph')
      .filter({ hasText: 'Så fint! No skriv eg på nynorsk.' })
      .waitFor({ timeout: 15000 });
  }, 30000);

  it('keeps the chosen language for later commands', async () => {
    await send(page, 'hjelp');
    await page.getByText('Dette kan eg hjelpe med').first().waitFor({ timeout: 15000 });
  }, 30000);
});
