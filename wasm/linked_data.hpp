// The Linked Data entry points of the Embind shell, JSON text in and out (webhook.md, Linked
// Data): the JS side loops needed → fetch → needed … → render (wasm/js/linked-data.mjs).
#pragma once

#include <emscripten/val.h>

#include <string>

#include "hooksmith/webhook.hpp"

namespace hooksmith::wasm {

// answers_json: [{source, parameter: string|null, status, body, error}].
// → {"fetches": [{source, parameter, request: {method, url, headers, body: null}}]} | {"error": …}
std::string linked_data_needed(const CompiledWebhook& webhook, const std::string& context_json,
                               const std::string& answers_json);

// → {"request": …} | {"error": …}; `id` a string or null, `timestamp` Unix seconds or null.
std::string render_with_linked_data(const CompiledWebhook& webhook, const std::string& context_json,
                                    const std::string& answers_json, const emscripten::val& id,
                                    const emscripten::val& timestamp);

}  // namespace hooksmith::wasm
