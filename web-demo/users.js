// Sample Leanplum user contexts (JSON text, so that floats like 1.0 stay floats) and the
// deterministic audience generator of the batch preview.

export const SAMPLE_USERS = [
  {
    label: 'Mary Doe — returning customer, US',
    context: `{
  "userId": "u-20417",
  "deviceId": "7F3C9A2E-51B4-4C1D-9E0A-2D6B8F4A1C77",
  "messageId": "5724036847910912",
  "userAttribute": {"First name": "Mary", "Last name": "Doe", "email": "mary.doe@example.com", "plan": "gold", "FavoriteStock": "ACME"},
  "parameter": {"item": "red shoes", "price": 19.99, "qty": 2, "source": "spring sale"},
  "country": "US", "region": "CA", "city": "San Francisco",
  "locale": "en_US", "language": "en", "timezone": "America/Los_Angeles",
  "numPriorSessions": 42, "lifetimeValue": 318.5, "minutesSpentInApp": 1250,
  "firstRun": "2024-03-02T09:15:00Z", "lastActive": 1764288000000,
  "firstOccurrenceOf": {"Purchase": "2024-03-09T18:02:11Z"},
  "occurrencesOf": {"Purchase": 7},
  "appVersion": "5.12.0", "deviceModel": "iPhone15,2"
}`,
  },
  {
    label: 'Jürgen Müller — new user, DE (float 1.0 kept)',
    context: `{
  "userId": "u-90311",
  "messageId": "5724036847910912",
  "userAttribute": {"First name": "Jürgen", "Last name": "Müller", "plan": "free", "FavoriteStock": "AT&T"},
  "parameter": {"item": "Wanderschuhe „Alpin“", "price": 89.0, "qty": 1, "source": "newsletter/de"},
  "country": "DE", "city": "München", "locale": "de_DE", "language": "de", "timezone": "Europe/Berlin",
  "numPriorSessions": 1, "lifetimeValue": 0, "firstRun": "2026-11-20T07:41:00Z",
  "appVersion": "5.12.0", "deviceModel": "Pixel 8"
}`,
  },
  {
    label: 'Anonymous visitor — no First name (suppressed)',
    context: `{
  "userId": "u-00007",
  "messageId": "5724036847910912",
  "userAttribute": {"plan": "free"},
  "parameter": {"item": "gift card", "price": 25, "qty": 3, "source": "push"},
  "country": "GB", "city": "Leeds", "locale": "en_GB", "numPriorSessions": 0, "lifetimeValue": 0
}`,
  },
  {
    label: 'Mallory — values that look like HTML',
    context: `{
  "userId": "u-66666",
  "messageId": "5724036847910912",
  "userAttribute": {"First name": "<img src=x onerror=alert(1)>", "Last name": "<script>alert(2)</script>", "plan": "<b>bold</b>", "FavoriteStock": "<img src=x onerror=alert(4)>"},
  "parameter": {"item": "<img src=x onerror=alert(1)>", "price": 1.5, "qty": 4, "source": "\\"><svg onload=alert(3)>"},
  "country": "<i>FR</i>", "city": "Paris", "numPriorSessions": 3, "lifetimeValue": 12.25
}`,
  },
];

// The batch audience follows fixed rules so that its outcome can be checked independently:
// every 13th user (index 0, 13, 26, …) has no 'First name' → suppressed; every 29th user not
// already suppressed has a price written with a decimal comma ("19,99") → the `number` field
// fails → error; everybody else renders.
export const BATCH_RULES = "Generated users follow fixed rules: every 13th has no 'First name' (suppressed under the default config), every 29th of the others has a price written \"19,99\" (the number field rejects it), the rest are complete.";

const FIRST_NAMES = ['Mary', 'Jürgen', 'Aiko', 'Carlos', 'Fatima', 'Liam', 'Chloé', 'Ola', 'Priya', 'Mateo', 'Zoë'];
const COUNTRIES = ['US', 'DE', 'JP', 'MX', 'EG', 'IE', 'FR', 'NO', 'IN', 'AR', 'NL'];
const ITEMS = ['red shoes', 'gift card', 'rain jacket', 'café au lait', 'yoga mat'];
const STOCKS = ['ACME', 'GLOBEX', 'INITECH', 'UMBRELLA', 'AT&T'];  // the echo receiver's sample quotes
const SOURCES = ['spring sale', 'push', 'newsletter/de', 'in-app', 'email #42'];

/** The context (JSON text) of generated user `index`. */
export function generatedUser(index) {
  const suppressed = index % 13 === 0;
  const badPrice = !suppressed && index % 29 === 0;
  const userAttribute = { plan: index % 3 ? 'free' : 'gold', FavoriteStock: STOCKS[index % STOCKS.length] };
  if (!suppressed) userAttribute['First name'] = FIRST_NAMES[index % FIRST_NAMES.length];
  const priceCents = 500 + (index * 37) % 9500;
  const price = badPrice ? '19,99' : priceCents / 100;
  return JSON.stringify({
    userId: `u-${String(100000 + index)}`,
    messageId: '5724036847910912',
    userAttribute,
    parameter: { item: ITEMS[index % ITEMS.length], price, qty: 1 + (index % 3), source: SOURCES[index % SOURCES.length] },
    country: COUNTRIES[index % COUNTRIES.length],
    numPriorSessions: index % 50,
    lifetimeValue: (index * 7) % 500,
  });
}

export function generateUsers(count) {
  return Array.from({ length: count }, (_, index) => generatedUser(index));
}
