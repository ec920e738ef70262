// Linked data answers from JSON text (the Wasm binding's and the CLI's format).
#include <nlohmann/json.hpp>  // its exception types only

#include "hooksmith/linked_data.hpp"
#include "webhook/config.hpp"
#include "webhook/json_document.hpp"

namespace hooksmith {

namespace {

using detail::JsonView;

[[noreturn]] void fail_answer(std::size_t index, std::string_view problem, std::string_view more = {}) {
    detail::throw_error(ErrorKind::input, {detail::Indexed{"answers", index}, " ", problem, more,
                                           " (expected {\"source\", \"parameter\", \"status\", \"body\", \"error\"})"});
}

std::string optional_string(const JsonView& entry, const char* name, std::size_t index) {
    auto member = entry.find(name);
    if (!member || member->is_null()) return {};
    if (!member->is_string()) fail_answer(index, name, " must be a string");
    return member->string();
}

}  // namespace

std::vector<LinkedDataAnswer> parse_linked_data_answers(std::string_view json_text) {
    detail::JsonDocument document;
    try {
        document = detail::JsonDocument::parse(json_text);
    } catch (const nlohmann::detail::exception& failure) {
        detail::throw_error(ErrorKind::input, {"the linked data answers are not valid JSON: ",
                                               detail::json_failure_reason(failure.what())});
    }
    const JsonView value(document, document.root());
    if (!value.is_array()) detail::throw_error(ErrorKind::input, {"the linked data answers must be a JSON array"});
    std::vector<LinkedDataAnswer> answers;
    answers.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
        const JsonView entry = value[i];
        if (!entry.is_object()) fail_answer(i, "is not an object");
        LinkedDataAnswer answer;
        auto source = entry.find("source");
        if (!source || !source->is_string()) fail_answer(i, "needs a source (a string)");
        answer.source = source->string();
        if (auto parameter = entry.find("parameter"); parameter && !parameter->is_null()) {
            if (!parameter->is_string()) fail_answer(i, "parameter must be a string or null");
            answer.parameter = parameter->string();
        }
        // get<std::int64_t>() of an unsigned beyond INT64_MAX is negative: rejected like the rest.
        auto status = entry.find("status");
        if (!status || !status->is_number_integer() || status->integer() < 0 || status->integer() > 999) {
            fail_answer(i, "needs a status (an HTTP status, or 0 for no response)");
        }
        answer.status = static_cast<int>(status->integer());
        answer.body = optional_string(entry, "body", i);
        answer.error = optional_string(entry, "error", i);
        answers.push_back(std::move(answer));
    }
    return answers;
}

}  // namespace hooksmith
