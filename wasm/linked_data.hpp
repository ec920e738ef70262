// The Linked Data entry points of the Embind shell, JSON text in and out (webhook.md, Linked
// Data): the JS side loops needed → fetch → needed … → render (wasm/js/linked-data.mjs).
#pragma once

#include <string>

#include "hooksmith/webhook.hpp"

namespace hooksmith::wasm {

// answers_json: [{source, parameter: string|null, status, body, error}].
// → {"fetches": [{source, parameter, request: {method, url, headers, body: null}}]} | {"error": …}
std::string linked_data_needed(const CompiledWebhook& webhook, const std::string& context_json,
                               const std::string& answers_json);

// → {"request": …} | {"error": …}
std::string render_with_linked_data(const CompiledWebhook& webhook, const std::string& context_json,
                                    const std::string& answers_json, const RenderInput& input);

}  // namespace hooksmith::wasm
