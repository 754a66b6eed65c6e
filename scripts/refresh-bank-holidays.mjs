// Refreshes app/domain/data/bank-holidays-england-and-wales.json from GOV.UK.
// Usage: node scripts/refresh-bank-holidays.mjs   (then run the unit tests and commit the file)
//
// GOV.UK publishes a rolling window of years. For every year in the feed its list replaces ours;
// years the feed no longer (or does not yet) carry are kept from the file, so past deadlines
// still compute as they did.
import { readFile, writeFile } from 'node:fs/promises';

const SOURCE = 'https://www.gov.uk/bank-holidays.json';
const DIVISION = 'england-and-wales';
const FILE = new URL('../app/domain/data/bank-holidays-england-and-wales.json', import.meta.url);

const yearOf = (event) => event.date.slice(0, 4);

const response = await fetch(SOURCE);
if (!response.ok) throw new Error(`${SOURCE} answered ${response.status} ${response.statusText}`);
const feed = await response.json();
const fetched = (feed[DIVISION]?.events ?? []).map(({ title, date }) => ({ title, date }));
if (fetched.length === 0) throw new Error(`${SOURCE} has no ${DIVISION} events`);

const current = JSON.parse(await readFile(FILE, 'utf8'));
const fetchedYears = new Set(fetched.map(yearOf));
const kept = current.events.filter((event) => !fetchedYears.has(yearOf(event)));
const events = [...kept, ...fetched].sort((a, b) => a.date.localeCompare(b.date));

// en-CA formats a date as YYYY-MM-DD.
const retrieved = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
const refreshed = { division: DIVISION, source: SOURCE, retrieved, events };
await writeFile(FILE, `${JSON.stringify(refreshed, null, 2)}\n`);

console.log(`Wrote ${events.length} holidays (${events[0].date} to ${events.at(-1).date}), retrieved ${retrieved}.`);
