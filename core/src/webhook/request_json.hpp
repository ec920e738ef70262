// A request as JSON text, `{"method","url","headers":[[name,value]…],"body"}`, byte for byte what
// nlohmann's dump() writes for request_to_json(request): the CLI's output lines. Internal: the
// public API is render() and request_to_json.
#pragma once

#include <string>

#include "hooksmith/request.hpp"
#include "hooksmith/webhook.hpp"

namespace hooksmith::detail {

// Appends `request` as JSON text. False (nothing appended) when one of its strings is not valid
// UTF-8, which dump() cannot write as it is (the CLI then writes the line through nlohmann,
// which substitutes U+FFFD).
bool append_request_json(std::string& out, const Request& request);

// Whether render_request_json may render `webhook`: a JSON-data body (no `body` template, not
// GET, not a form) and no signing — a signature needs the body as it is, and the body is never
// made as it is on that path.
bool writes_request_json(const CompiledWebhook& webhook);

// The same text as append_request_json(out, webhook.render(context, input)), rendered straight
// into `out`: each value of the body is written once, already escaped as the JSON string the
// body becomes, and no Request is built. Throws what render() throws (`out` is then as it was);
// for a webhook writes_request_json refuses, Error{render}.
void render_request_json(std::string& out, const CompiledWebhook& webhook, const Context& context,
                         const RenderInput& input);

}  // namespace hooksmith::detail
