/**
 * vivier/server-values-stay-on-server: in a route module, the part that runs in the browser (the
 * component, meta, links, the error boundary… everything but loader, action and headers) must not
 * use a value imported from a `.server` module. Remix's compiler replaces `.server` modules by
 * empty ones in the browser bundle, so such a value is `undefined` there and the page throws as
 * soon as it is rendered (as /candidat/contacts did with a label map from conversations.server).
 *
 * How: the module's top-level statements form a graph (a statement uses the top-level names it
 * references). The browser part starts from every statement that is not the loader, the action,
 * headers, an import or a declaration only reached by name; whatever it reaches must not use a
 * value of a `.server` import. Type positions (`typeof loader`, `import type`) do not count.
 */

const SERVER_ONLY_EXPORTS = new Set(["loader", "action", "headers"]);
const SERVER_MODULE = /\.server(\.[cm]?[jt]sx?)?$/;

/** The top-level statement holding `node`. */
function topLevelOf(node, program) {
  let n = node;
  while (n.parent && n.parent !== program) n = n.parent;
  return n;
}

function declaredNames(declaration) {
  if (!declaration) return [];
  if (declaration.type === "VariableDeclaration") return declaration.declarations.map((d) => (d.id.type === "Identifier" ? d.id.name : null));
  return [declaration.id?.name ?? null];
}

// A name in a type (`typeof loader`, `useLoaderData<typeof loader>()`) is erased from the build.
const TYPE_CONTEXTS = new Set(["TSTypeQuery", "TSTypeAnnotation", "TSTypeParameterInstantiation", "TSTypeAliasDeclaration", "TSInterfaceDeclaration"]);
function inTypePosition(node) {
  for (let n = node.parent; n; n = n.parent) if (TYPE_CONTEXTS.has(n.type)) return true;
  return false;
}

const isFunctionLike = (node) => !!node && (node.type === "ArrowFunctionExpression" || node.type === "FunctionExpression");

/** Whether a top-level statement runs, or is exported, in the browser without being named by another. */
function isBrowserRoot(statement) {
  switch (statement.type) {
    case "ImportDeclaration":
    case "FunctionDeclaration":
    case "ClassDeclaration":
    case "TSTypeAliasDeclaration":
    case "TSInterfaceDeclaration":
    case "TSDeclareFunction":
    case "TSModuleDeclaration":
    case "TSEnumDeclaration":
      return false;
    case "ExportAllDeclaration":
      return false;
    case "ExportNamedDeclaration": {
      if (statement.source || statement.exportKind === "type") return false;
      if (!statement.declaration) return true; // export { a, b }: its specifiers are looked at one by one
      const names = declaredNames(statement.declaration);
      return !names.every((name) => name && SERVER_ONLY_EXPORTS.has(name));
    }
    case "VariableDeclaration":
      // A non-exported constant runs at load unless it only holds functions (then it is reached by name).
      return !statement.declarations.every((d) => !d.init || isFunctionLike(d.init));
    default:
      return true; // export default, expression statements…
  }
}

/** @type {import("eslint").Rule.RuleModule} */
export const serverValuesStayOnServer = {
  meta: {
    type: "problem",
    docs: { description: "A route's browser part must not use a value imported from a .server module" },
    schema: [],
    messages: {
      serverValue:
        "`{{name}}` comes from {{source}}, which the browser bundle leaves out, and the part of this route that runs in the browser uses it: move the value to a browser-safe module (app/schemas, app/reference, a component's format.ts) or use it only in the loader or action.",
    },
  },
  create(context) {
    const sourceCode = context.sourceCode;
    return {
      "Program:exit"(program) {
        const serverImports = new Map(); // Variable → module source
        for (const statement of program.body) {
          if (statement.type !== "ImportDeclaration" || statement.importKind === "type") continue;
          if (!SERVER_MODULE.test(String(statement.source.value))) continue;
          for (const specifier of statement.specifiers) {
            if (specifier.importKind === "type") continue;
            for (const variable of sourceCode.getDeclaredVariables(specifier)) serverImports.set(variable, String(statement.source.value));
          }
        }
        if (serverImports.size === 0) return;

        const moduleScope = sourceCode.scopeManager.scopes.find((s) => s.type === "module") ?? sourceCode.scopeManager.globalScope;
        // For every top-level statement, the value references it makes to top-level names.
        const usesOf = new Map();
        for (const variable of moduleScope.variables) {
          for (const reference of variable.references) {
            if (reference.isValueReference === false || inTypePosition(reference.identifier)) continue;
            const statement = topLevelOf(reference.identifier, program);
            if (statement.type === "ExportNamedDeclaration" && !statement.declaration) {
              const specifier = statement.specifiers.find((s) => s.local === reference.identifier);
              const exported = specifier?.exported.type === "Identifier" ? specifier.exported.name : specifier?.exported.value;
              if (exported && SERVER_ONLY_EXPORTS.has(exported)) continue;
            }
            if (!usesOf.has(statement)) usesOf.set(statement, []);
            usesOf.get(statement).push({ variable, reference });
          }
        }

        const seen = new Set();
        const queue = program.body.filter(isBrowserRoot);
        const reported = new Set();
        while (queue.length > 0) {
          const statement = queue.shift();
          if (seen.has(statement)) continue;
          seen.add(statement);
          for (const { variable, reference } of usesOf.get(statement) ?? []) {
            const source = serverImports.get(variable);
            if (source) {
              if (!reported.has(variable)) {
                reported.add(variable);
                context.report({ node: reference.identifier, messageId: "serverValue", data: { name: variable.name, source: `"${source}"` } });
              }
              continue;
            }
            const definition = variable.defs[0];
            if (!definition || definition.type === "ImportBinding") continue;
            queue.push(topLevelOf(definition.name, program));
          }
        }
      },
    };
  },
};

export const vivierPlugin = {
  meta: { name: "vivier" },
  rules: { "server-values-stay-on-server": serverValuesStayOnServer },
};
