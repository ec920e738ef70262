#include "linked_data.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <new>
#include <optional>
#include <vector>

#include "hooksmith/export.hpp"
#include "hooksmith/linked_data.hpp"

namespace hooksmith::wasm {

namespace {

using nlohmann::ordered_json;

ordered_json error_json(const Error& error) {
    ordered_json out = {{"kind", to_string(error.kind)}, {"message", error.message}};
    if (!error.field.empty()) out["field"] = error.field;
    if (!error.variable.empty()) out["variable"] = error.variable;
    if (error.line > 0) {
        out["line"] = error.line;
        out["column"] = error.column;
    }
    return out;
}

// Like guarded() in convert.hpp, for entry points that answer with JSON text.
template <typename Body>
std::string guarded_json(Body&& body) {
    ordered_json out;
    try {
        out = body();
    } catch (const Error& error) {
        out = {{"error", error_json(error)}};
    } catch (const std::bad_alloc&) {
        out = {{"error", error_json(Error(ErrorKind::limit, "out of memory"))}};
    } catch (const std::exception& error) {
        out = {{"error", error_json(Error(ErrorKind::render, std::string("internal error: ") + error.what()))}};
    }
    return out.dump();
}

Error bad_answers(const std::string& what) {
    return Error(ErrorKind::input, "linked data answers: " + what +
                                       "; expected [{source, parameter: string|null, status, body, error}]");
}

std::vector<LinkedDataAnswer> parse_answers(const std::string& answers_json) {
    std::vector<LinkedDataAnswer> answers;
    if (answers_json.empty()) return answers;
    const nlohmann::json parsed = nlohmann::json::parse(answers_json, nullptr, /*allow_exceptions=*/false);
    if (!parsed.is_array()) throw bad_answers("not a JSON array");
    answers.reserve(parsed.size());
    for (const auto& item : parsed) {
        if (!item.is_object()) throw bad_answers("an item is not an object");
        LinkedDataAnswer answer;
        const auto source = item.find("source");
        if (source == item.end() || !source->is_string()) throw bad_answers("`source` must be a string");
        answer.source = source->get<std::string>();
        const auto parameter = item.find("parameter");
        if (parameter != item.end() && parameter->is_string()) answer.parameter = parameter->get<std::string>();
        else if (parameter != item.end() && !parameter->is_null()) throw bad_answers("`parameter` must be a string or null");
        const auto status = item.find("status");
        if (status != item.end() && status->is_number_integer()) answer.status = status->get<int>();
        else if (status != item.end()) throw bad_answers("`status` must be an integer");
        const auto body = item.find("body");
        if (body != item.end() && body->is_string()) answer.body = body->get<std::string>();
        const auto error = item.find("error");
        if (error != item.end() && error->is_string()) answer.error = error->get<std::string>();
        answers.push_back(std::move(answer));
    }
    return answers;
}

}  // namespace

std::string linked_data_needed(const CompiledWebhook& webhook, const std::string& context_json,
                               const std::string& answers_json) {
    return guarded_json([&] {
        const auto context = Context::from_json_text(context_json);
        ordered_json fetches = ordered_json::array();
        for (const LinkedDataFetch& fetch : webhook.linked_data_needed(context, parse_answers(answers_json))) {
            fetches.push_back({{"source", fetch.source},
                               {"parameter", fetch.parameter ? ordered_json(*fetch.parameter) : ordered_json(nullptr)},
                               {"request", request_to_json(fetch.request)}});
        }
        return ordered_json{{"fetches", std::move(fetches)}};
    });
}

std::string render_with_linked_data(const CompiledWebhook& webhook, const std::string& context_json,
                                    const std::string& answers_json, const emscripten::val& id,
                                    const emscripten::val& timestamp) {
    return guarded_json([&] {
        RenderInput input;
        if (id.isString()) input.id = id.as<std::string>();
        if (timestamp.isNumber()) {
            const double seconds = timestamp.as<double>();
            // A cast of NaN or of an out-of-range double is undefined behaviour.
            if (!(seconds > -1e15 && seconds < 1e15)) throw Error(ErrorKind::input, "timestamp must be Unix seconds");
            input.timestamp_seconds = static_cast<std::int64_t>(seconds);
        }
        const auto context = Context::from_json_text(context_json);
        const Context resolved = webhook.with_linked_data(context, parse_answers(answers_json));
        return ordered_json{{"request", request_to_json(webhook.render(resolved, input))}};
    });
}

}  // namespace hooksmith::wasm
