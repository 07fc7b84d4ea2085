import { SaxesParser } from 'saxes';
import type { LineIndex } from '../location.js';
import type { Located, MavenDependency, MavenPom } from './build-types.js';

type Field = 'groupId' | 'artifactId' | 'version' | 'scope' | 'type' | 'classifier' | 'relativePath';
const FIELDS = new Set<string>(['groupId', 'artifactId', 'version', 'scope', 'type', 'classifier', 'relativePath']);

/**
 * Reads a pom.xml with exact positions of the values that matter: coordinates, parent, properties, dependencies
 * and dependency management (profiles' dependencies included). Never executes or downloads anything.
 */
export function readPom(index: LineIndex): MavenPom | { error: { message: string; line: number; column: number } } {
  const pom: MavenPom = { file: index.file, properties: {}, dependencies: [], managed: [] };
  const stack: string[] = [];
  let textStart = 0;
  let text = '';
  let current: Partial<Record<Field, Located>> | undefined;
  let error: { message: string; line: number; column: number } | undefined;
  const parser = new SaxesParser({ position: true });

  const located = (start: number, end: number): Located | undefined => {
    const raw = index.text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const value = text.trim();
    if (value === '') return undefined;
    return { value, location: index.firstLineRange(start + lead, start + lead + raw.trim().length) };
  };
  const path = () => stack.join('/');

  parser.on('opentag', (tag) => {
    stack.push(tag.name);
    textStart = parser.position;
    text = '';
    const p = path();
    if (p === 'project/dependencies/dependency' || p === 'project/dependencyManagement/dependencies/dependency' || p === 'project/profiles/profile/dependencies/dependency' || p === 'project/parent') {
      current = {};
    }
  });
  parser.on('text', (t) => {
    text += t;
  });
  parser.on('cdata', (t) => {
    text += t;
  });
  parser.on('closetag', (tag) => {
    const p = path();
    const end = parser.position - `</${tag.name}>`.length;
    const name = tag.name;
    const parentPath = stack.slice(0, -1).join('/');
    if (FIELDS.has(name) && current && /(dependency|parent)$/.test(parentPath)) {
      const v = located(textStart, end);
      if (v) current[name as Field] = v;
    } else if (parentPath === 'project/properties') {
      const v = located(textStart, end);
      if (v) pom.properties[name] = v;
    } else if (parentPath === 'project' && (name === 'groupId' || name === 'artifactId' || name === 'version')) {
      const v = located(textStart, end);
      if (v) {
        if (name === 'version') pom.version = v;
        else pom[name] = v.value;
      }
    }
    if (current && (p.endsWith('/dependency') || p === 'project/parent')) {
      const c = current;
      current = undefined;
      if (p === 'project/parent') {
        if (c.groupId && c.artifactId) {
          pom.parent = { groupId: c.groupId.value, artifactId: c.artifactId.value };
          if (c.version) pom.parent.version = c.version;
          if (c.relativePath) pom.parent.relativePath = c.relativePath.value;
        }
      } else if (c.groupId && c.artifactId) {
        const dep: MavenDependency = { groupId: c.groupId.value, artifactId: c.artifactId.value, declaredAt: c.artifactId.location };
        if (c.version) dep.version = c.version;
        if (c.scope) dep.scope = c.scope.value;
        if (c.type) dep.type = c.type.value;
        if (c.classifier) dep.classifier = c.classifier.value;
        (p.startsWith('project/dependencyManagement') ? pom.managed : pom.dependencies).push(dep);
      }
    }
    stack.pop();
    text = '';
  });
  parser.on('error', (e) => {
    error ??= { message: e.message.replace(/^(?:[^:]*:)?\d+:\d+: /, ''), line: parser.line, column: parser.column };
  });
  try {
    parser.write(index.text).close();
  } catch (e) {
    error ??= { message: e instanceof Error ? e.message : String(e), line: parser.line, column: parser.column };
  }
  return error ? { error } : pom;
}
