// Facts: what the extractors saw, as plain JSON-able data. Rules read only these.
export function emptyFacts() {
    return { configs: [], brokers: [], literals: [], dependencies: [], apiCalls: [] };
}
const CLIENT_SCOPES = ['common', 'producer', 'consumer', 'admin', 'streams', 'worker', 'topic'];
export const ALL_SCOPES = [...CLIENT_SCOPES, 'framework'];
/** All entries for a key (or any of several keys), in precedence order. */
export function entriesOf(config, key, query = {}) {
    const keys = typeof key === 'string' ? [key] : key;
    const scopes = query.scopes ?? CLIENT_SCOPES;
    return config.entries.filter((e) => keys.includes(e.key) && scopes.includes(e.scope));
}
/**
 * The entry in effect among candidates, seen by a client that reads `scopes` (most general first): a more
 * specific scope wins, then a grouped entry over a shared one (an alias, a binding, `main.consumer.`), then a
 * higher precedence, then the entry written last.
 */
function winner(candidates, scopes) {
    let best;
    let bestRank = [];
    for (const e of candidates) {
        const rank = [scopes.indexOf(e.scope), e.group === undefined ? 0 : 1, e.precedence ?? 0];
        if (rank[0] < 0)
            continue;
        const cmp = rank.findIndex((r, i) => r !== (bestRank[i] ?? -1));
        if (!best || cmp < 0 || rank[cmp] > (bestRank[cmp] ?? -1)) {
            best = e;
            bestRank = rank;
        }
    }
    return best;
}
/** The entry in effect for a key (or any of several) for a client reading `scopes`, the most general first. */
export function effective(config, key, query = {}) {
    return winner(entriesOf(config, key, query), query.scopes ?? CLIENT_SCOPES);
}
/**
 * The unit's bootstrap entry: the last one written at unit level (a Spring profile's own overrides the default
 * document's), else a per-client one (`consumer.bootstrap.servers` in a Connect worker).
 */
export function bootstrapOf(config) {
    const all = config.entries.filter((e) => e.key === 'bootstrap.servers' && e.scope !== 'framework');
    return all.filter((e) => e.scope === 'common' || e.scope === 'worker').at(-1) ?? all.at(-1);
}
/**
 * Where a finding about a missing setting goes: the effective bootstrap line, else the unit's anchor.
 * Extractors that place units themselves anchor them already: a Spring profile unit in its own document
 * (its bootstrap, else its first client key, §2.3), a MirrorMaker 2 file at its first judged alias (§2.2).
 */
export function absenceAnchor(config) {
    if (config.library === 'mirrormaker' || config.library === 'spring')
        return config.anchor;
    return bootstrapOf(config)?.location ?? config.anchor;
}
export function hasRole(config, role) {
    return config.roles.includes(role);
}
/** An entry's identity across units: Spring profile units share their default documents' entries. */
function entryId(entry) {
    return `${entry.location.file}:${entry.location.line}:${entry.location.column}:${entry.key}`;
}
/** Parses an integer-valued entry; `undefined` for unknown or non-numeric values. */
export function intValue(entry) {
    const v = entry?.value?.trim();
    if (v === undefined || !/^[-+]?\d+$/.test(v))
        return undefined;
    return Number(v);
}
/** The value as a message may show it: resolved value, else the text as written. Never use for secrets. */
export function shown(entry) {
    return entry.display ?? entry.value ?? entry.raw;
}
/** What each client of a unit reads, the most general scope first. */
const VIEWS = [
    ['common', 'producer'],
    ['common', 'consumer'],
    ['common', 'admin'],
    ['common', 'streams'],
    ['worker'],
    ['topic'],
    ['framework'],
];
/** Per config list, its entries by key: rules query it dozens of times per scan. */
const INDEX = new WeakMap();
function indexOf(configs) {
    let index = INDEX.get(configs);
    if (index)
        return index;
    index = configs.map((config) => {
        const byKey = new Map();
        for (const e of config.entries) {
            const list = byKey.get(e.key);
            if (list)
                list.push(e);
            else
                byKey.set(e.key, [e]);
        }
        return { config, byKey };
    });
    INDEX.set(configs, index);
    return index;
}
/**
 * The entries in effect for the given keys (every key when `undefined`), each once: for every client of every
 * unit (and every MirrorMaker 2 alias), the entry that wins. An overridden setting is not a finding; one in
 * effect for any client is, once, on its own line (Spring profile units share their default documents).
 */
export function effectiveEntries(configs, key, query = {}) {
    const allowed = new Set(query.scopes ?? CLIENT_SCOPES);
    const seen = new Set();
    const out = [];
    for (const { config, byKey } of indexOf(configs)) {
        const keys = key === undefined ? [...byKey.keys()] : typeof key === 'string' ? [key] : key;
        for (const k of keys) {
            const candidates = (byKey.get(k) ?? []).filter((e) => allowed.has(e.scope));
            if (candidates.length === 0)
                continue;
            // A key written once is in effect for whoever reads its scope: the common case, and the fast one.
            if (candidates.length === 1) {
                const e = candidates[0];
                const id = entryId(e);
                if (!seen.has(id)) {
                    seen.add(id);
                    out.push({ config, entry: e });
                }
                continue;
            }
            // Each group is its own client or topic; `undefined` stands for the clients that belong to no group.
            const groups = [undefined, ...new Set(candidates.map((e) => e.group).filter((g) => g !== undefined))];
            for (const group of groups) {
                const visible = candidates.filter((e) => e.group === undefined || e.group === group);
                for (const view of VIEWS) {
                    const e = winner(visible, view);
                    if (!e)
                        continue;
                    const id = entryId(e);
                    if (seen.has(id))
                        continue;
                    seen.add(id);
                    out.push({ config, entry: e });
                }
            }
        }
    }
    return out;
}
/** Orders locations by file, line and column. */
export function compareLocations(a, b) {
    if (a.file !== b.file)
        return a.file < b.file ? -1 : 1;
    return a.line - b.line || a.column - b.column;
}
/**
 * The dependencies of the build files in a file's folder and above it: what an application configured by this file
 * is built with (Maven modules also inherit their parents' dependencies).
 */
export function dependenciesAbove(facts, file) {
    const dirs = new Set();
    for (let d = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '.';; d = d.includes('/') ? d.slice(0, d.lastIndexOf('/')) : '.') {
        dirs.add(d);
        if (d === '.' || !d.includes('/'))
            break;
    }
    dirs.add('.');
    return facts.dependencies.filter((dep) => dirs.has(dep.file.includes('/') ? dep.file.slice(0, dep.file.lastIndexOf('/')) : '.'));
}
/**
 * A Spring unit of an application that depends on Spring Cloud Azure's Event Hubs starters, which configure Kafka
 * authentication themselves: its missing security settings are not findings (catalog §2.3).
 */
export function configuredByAzureStarter(facts, config) {
    if (config.library !== 'spring' && config.library !== 'spring-cloud-stream')
        return false;
    return dependenciesAbove(facts, config.anchor.file).some((d) => d.name.startsWith('com.azure.spring:spring-cloud-azure-starter'));
}
