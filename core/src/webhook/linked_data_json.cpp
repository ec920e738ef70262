// Linked data answers from JSON text (the Wasm binding's and the CLI's format).
#include <nlohmann/json.hpp>

#include "hooksmith/linked_data.hpp"
#include "webhook/config.hpp"

namespace hooksmith {

namespace {

Error answer_error(std::size_t index, const std::string& problem) {
    return Error(ErrorKind::input, "answers[" + std::to_string(index) + "] " + problem +
                                       " (expected {\"source\", \"parameter\", \"status\", \"body\", \"error\"})");
}

std::string optional_string(const nlohmann::ordered_json& entry, const char* name, std::size_t index) {
    auto member = entry.find(name);
    if (member == entry.end() || member->is_null()) return {};
    if (!member->is_string()) throw answer_error(index, std::string(name) + " must be a string");
    return member->get<std::string>();
}

}  // namespace

std::vector<LinkedDataAnswer> parse_linked_data_answers(std::string_view json_text) {
    nlohmann::ordered_json value;
    try {
        value = nlohmann::ordered_json::parse(json_text.begin(), json_text.end());
    } catch (const nlohmann::json::exception& failure) {
        throw Error(ErrorKind::input, "the linked data answers are not valid JSON: " +
                                          detail::json_failure_reason(failure.what()));
    }
    if (!value.is_array()) throw Error(ErrorKind::input, "the linked data answers must be a JSON array");
    std::vector<LinkedDataAnswer> answers;
    answers.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
        const nlohmann::ordered_json& entry = value[i];
        if (!entry.is_object()) throw answer_error(i, "is not an object");
        LinkedDataAnswer answer;
        auto source = entry.find("source");
        if (source == entry.end() || !source->is_string()) throw answer_error(i, "needs a source (a string)");
        answer.source = source->get<std::string>();
        if (auto parameter = entry.find("parameter"); parameter != entry.end() && !parameter->is_null()) {
            if (!parameter->is_string()) throw answer_error(i, "parameter must be a string or null");
            answer.parameter = parameter->get<std::string>();
        }
        auto status = entry.find("status");
        if (status == entry.end() || !status->is_number_integer() || status->get<std::int64_t>() < 0 ||
            status->get<std::int64_t>() > 999) {
            throw answer_error(i, "needs a status (an HTTP status, or 0 for no response)");
        }
        answer.status = status->get<int>();
        answer.body = optional_string(entry, "body", i);
        answer.error = optional_string(entry, "error", i);
        answers.push_back(std::move(answer));
    }
    return answers;
}

}  // namespace hooksmith
