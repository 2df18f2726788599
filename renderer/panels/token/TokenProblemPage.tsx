// What a page opened without the right token shows, and nothing else: the workbench
// needs the token `bringup serve` printed, and a page without it cannot do anything.
import type { TokenProblem } from '../../api/token-check';
import './token.css';

const TITLES: Record<TokenProblem, string> = {
  missing: 'This page has no access token',
  wrong: 'This page’s access token is wrong',
  unreachable: 'The workbench server does not answer',
};

const WHY: Record<TokenProblem, string> = {
  missing: 'The address has no ?token=… part. `bringup serve` only talks to pages opened with the token it printed.',
  wrong:
    'The token in the address is not the one this server printed. Each start of `bringup serve` makes a new token, so an old link (or a bookmark) stops working when the server restarts.',
  unreachable: 'The page could not reach `bringup serve` to check its token: the server may have stopped.',
};

export function TokenProblemPage({ problem }: { problem: TokenProblem }) {
  return (
    <main className="token-problem" data-testid="token-problem" data-problem={problem} role="alert">
      <h1 data-testid="token-problem-title">{TITLES[problem]}</h1>
      <p>{WHY[problem]}</p>
      <h2>How to get the right address</h2>
      <ol>
        {problem === 'unreachable' ? <li>Check that `bringup serve` is still running; start it again if not.</li> : null}
        <li>
          Look at the terminal where <code>npx bringup serve</code> runs (start it if it does not): it prints a line
          <pre>Listening on http://127.0.0.1:PORT/?token=TOKEN</pre>
        </li>
        <li>Open exactly that address, token included (copy the whole line after “Listening on”).</li>
      </ol>
    </main>
  );
}
