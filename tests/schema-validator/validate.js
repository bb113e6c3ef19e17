#!/usr/bin/env node
// Validates flags.yaml files against flags.schema.json the way editors do: the `yaml` package reads each
// file with the YAML 1.2 core schema (so `yes` is a string and `1.0` a number, as in the TypedFlags
// parser), then ajv checks the data against the JSON Schema.
//
//   node validate.js <schema.json> <file.yaml | directory>...
//
// Prints one JSON document on stdout: { "results": [ { "file", "valid", "errors": [ { "path", "message" } ] } ] }.
// Exit code: 0 when every file was processed (valid or not), 2 on a usage or schema error.
'use strict';

const fs = require('fs');
const path = require('path');
const YAML = require('yaml');
const Ajv = require('ajv');

function fail(message) {
  process.stderr.write(message + '\n');
  process.exit(2);
}

const [schemaPath, ...files] = process.argv.slice(2);
if (!schemaPath || files.length === 0) {
  fail('usage: node validate.js <schema.json> <file.yaml | directory>...');
}

let validate;
try {
  const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
  const ajv = new Ajv({
    allErrors: true,
    // Strict mode catches schema mistakes (unknown keywords, ignored keywords, ...).
    strict: true,
    // `required` inside if/then names properties declared on the parent schema.
    strictRequired: false,
    // `type: ["object", "null"]` and friends are intended.
    allowUnionTypes: true,
    // rollout uses multipleOf 0.001; without a tolerance 0.1 / 0.001 is not an integer in binary floating point.
    multipleOfPrecision: 9,
    logger: {
      log: console.error,
      warn: (message) => fail('schema warning: ' + message),
      error: (message) => fail('schema error: ' + message),
    },
  });
  validate = ajv.compile(schema);
} catch (e) {
  fail('cannot compile ' + schemaPath + ': ' + e.message);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function check(file) {
  const bytes = fs.readFileSync(file);
  let text;
  try {
    text = utf8.decode(bytes);
  } catch (e) {
    return { valid: false, errors: [{ path: '', message: 'not valid UTF-8: ' + e.message }] };
  }

  // YAML 1.2 core schema, no merge keys (`<<` is an ordinary key), duplicate keys are errors.
  const options = { version: '1.2', schema: 'core', merge: false, uniqueKeys: true, prettyErrors: false };
  let documents;
  try {
    documents = YAML.parseAllDocuments(text, options);
  } catch (e) {
    return { valid: false, errors: [{ path: '', message: 'YAML: ' + e.message }] };
  }

  if (!Array.isArray(documents)) {
    // parseAllDocuments returns an EmptyStream for a file without documents.
    documents = [];
  }

  if (documents.length > 1) {
    return { valid: false, errors: [{ path: '', message: 'YAML: more than one document' }] };
  }

  let data = null;
  if (documents.length === 1) {
    const document = documents[0];
    if (document.errors.length > 0) {
      return { valid: false, errors: document.errors.map((e) => ({ path: '', message: 'YAML: ' + e.message })) };
    }

    // Mapping keys are names. The TypedFlags parser reads a plain key as the text written, never resolving it
    // (a key `null` names something "null"; `.inf` is not the number Infinity), and reports a collection used
    // as a key (TF0005), which JSON conversion would stringify silently. Do the same here.
    let collectionKey = null;
    YAML.visit(document, {
      Pair(_, pair) {
        if (YAML.isCollection(pair.key)) {
          collectionKey = pair.key;
          return YAML.visit.BREAK;
        }
        if (YAML.isScalar(pair.key) && pair.key.type === 'PLAIN' && typeof pair.key.source === 'string') {
          pair.key.value = pair.key.source;
        }
        return undefined;
      },
    });
    if (collectionKey !== null) {
      return { valid: false, errors: [{ path: '', message: 'YAML: a mapping key must be a scalar, not a collection' }] };
    }

    try {
      // The default alias budget (maxAliasCount 100) rejects "billion laughs" documents.
      data = document.toJS();
    } catch (e) {
      return { valid: false, errors: [{ path: '', message: 'YAML: ' + e.message }] };
    }
  }

  if (validate(data)) {
    return { valid: true, errors: [] };
  }

  return {
    valid: false,
    errors: validate.errors.map((e) => ({ path: e.instancePath, message: e.message + (e.params && Object.keys(e.params).length ? ' ' + JSON.stringify(e.params) : '') })),
  };
}

// A directory argument stands for every *.yaml file in it (sorted), which keeps command lines short.
function expand(argument) {
  if (!fs.statSync(argument).isDirectory()) {
    return [argument];
  }

  return fs.readdirSync(argument).filter((name) => name.endsWith('.yaml')).sort().map((name) => path.join(argument, name));
}

let results;
try {
  results = files.flatMap(expand).map((file) => Object.assign({ file: path.resolve(file) }, check(file)));
} catch (e) {
  fail(e.message);
}

process.stdout.write(JSON.stringify({ results }, null, 2) + '\n');
