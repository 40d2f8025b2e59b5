// The OpenID provider Cloister's tests run on loopback (tests/common/oidc.rs):
// oidc-provider, the certified Node.js implementation, over HTTPS with a
// certificate from the tests' CA. Users sign in at once, with no form: the
// one named by login_hint (the address typed at Cloister). For the negative
// tests, GET /test/forge?how=... makes the next token answer carry a forged
// ID token (tampered, wrong audience, expired, signed by a stranger's key).
//
// env: PORT, TLS_CERT, TLS_KEY, REDIRECT_URI, CLIENT_ID, CLIENT_SECRET,
//      ID_TOKEN_ALG (RS256 or ES256), USERS (JSON: login hint -> claims)
import { generateKeyPairSync, randomUUID, sign as signWith } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import Provider from 'oidc-provider';

const port = Number(process.env.PORT);
const issuer = `https://127.0.0.1:${port}`;
const users = JSON.parse(process.env.USERS || '{}');
const alg = process.env.ID_TOKEN_ALG || 'RS256';

const pair = (type, opts) => generateKeyPairSync(type, opts);
const keyOf = (p, a) => ({ ...p.privateKey.export({ format: 'jwk' }), kid: `${a}-${randomUUID()}`, alg: a, use: 'sig' });
const rsa = pair('rsa', { modulusLength: 2048 });
const ec = pair('ec', { namedCurve: 'P-256' });
const keys = { RS256: { pair: rsa, jwk: keyOf(rsa, 'RS256') }, ES256: { pair: ec, jwk: keyOf(ec, 'ES256') } };
const stranger = pair(alg === 'RS256' ? 'rsa' : 'ec', alg === 'RS256' ? { modulusLength: 2048 } : { namedCurve: 'P-256' });

const client = {
  client_id: process.env.CLIENT_ID || 'cloister',
  redirect_uris: [process.env.REDIRECT_URI],
  response_types: ['code'],
  grant_types: ['authorization_code'],
  id_token_signed_response_alg: alg,
  ...(process.env.CLIENT_SECRET
    ? { client_secret: process.env.CLIENT_SECRET, token_endpoint_auth_method: 'client_secret_basic' }
    : { token_endpoint_auth_method: 'none' }),
};

const provider = new Provider(issuer, {
  clients: [client],
  jwks: { keys: [keys.RS256.jwk, keys.ES256.jwk] },
  cookies: { keys: ['cloister-test-cookie-key'] },
  pkce: { required: () => true },
  scopes: ['openid', 'email', 'profile'],
  // groups come with openid, as Entra ID and a Keycloak mapper put them in every ID token.
  claims: { openid: ['sub', 'groups', 'amr'], email: ['email', 'email_verified'], profile: ['name'] },
  conformIdTokenClaims: false, // email and groups in the ID token itself
  features: { devInteractions: { enabled: false } },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(ctx, sub) {
    const u = Object.values(users).find((x) => x.sub === sub);
    return u && { accountId: sub, async claims() { return { ...u, sub }; } };
  },
});
provider.proxy = false;

// How the next token answer is forged (one-shot), set by GET /test/forge;
// who signs in when no login_hint names anyone (the console asks for no
// address), set by GET /test/as.
let forge = '';
let atKeyboard = '';
const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
function resign(token, change, key) {
  const [h, p] = token.split('.');
  const head = JSON.parse(Buffer.from(h, 'base64url'));
  const claims = { ...JSON.parse(Buffer.from(p, 'base64url')), ...change };
  const signed = `${b64(head)}.${b64(claims)}`;
  const opts = head.alg === 'ES256' ? { key: key.privateKey, dsaEncoding: 'ieee-p1363' } : key.privateKey;
  return `${signed}.${signWith('sha256', Buffer.from(signed), opts).toString('base64url')}`;
}
function forged(token, how) {
  const own = keys[alg].pair;
  const now = Math.floor(Date.now() / 1000);
  switch (how) {
    case 'tampered': {
      const [h, p, s] = token.split('.');
      const claims = { ...JSON.parse(Buffer.from(p, 'base64url')), email: 'boss@example.org' };
      return `${h}.${b64(claims)}.${s}`;
    }
    case 'wrong-aud': return resign(token, { aud: 'someone-else' }, own);
    case 'expired': return resign(token, { iat: now - 7200, exp: now - 3600 }, own);
    case 'stranger': return resign(token, {}, stranger);
    // The same address vouched for as another user (a reassigned mailbox).
    case 'new-sub': return resign(token, { sub: 'someone-new' }, own);
    default: return token;
  }
}

provider.use(async (ctx, next) => {
  if (ctx.path === '/test/forge') {
    forge = String(ctx.query.how || '');
    ctx.body = `next token: ${forge || 'as issued'}\n`;
    return;
  }
  if (ctx.path === '/test/as') {
    atKeyboard = String(ctx.query.hint || '');
    ctx.body = `signing in: ${atKeyboard}\n`;
    return;
  }
  const m = ctx.path.match(/^\/interaction\/([^/]+)$/);
  if (!m) {
    await next();
    if (ctx.path === '/token' && forge && ctx.body && ctx.body.id_token) {
      ctx.body = { ...ctx.body, id_token: forged(ctx.body.id_token, forge) };
      forge = '';
    }
    return;
  }
  const { prompt, params, session } = await provider.interactionDetails(ctx.req, ctx.res);
  let result;
  if (prompt.name === 'login') {
    const user = users[params.login_hint || atKeyboard];
    if (!user) { ctx.status = 403; ctx.body = 'no such test user'; return; }
    // AMR: how every sign-in is said to have been proved (RFC 8176), e.g. "pwd mfa".
    const amr = process.env.AMR ? { amr: process.env.AMR.split(' ') } : {};
    result = { login: { accountId: user.sub, ...amr } };
  } else {
    const grant = new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
    grant.addOIDCScope(params.scope);
    result = { consent: { grantId: await grant.save() } };
  }
  await provider.interactionFinished(ctx.req, ctx.res, result, { mergeWithLastSubmission: true });
});

const tls = { cert: readFileSync(process.env.TLS_CERT), key: readFileSync(process.env.TLS_KEY) };
createServer(tls, provider.callback()).listen(port, '127.0.0.1', () => console.log(`oidc-provider ready ${issuer}`));
