// CompiledWebhook's Linked Data: branch-precise discovery by evaluating the templates, answers
// placed into the context, and what a preview reports as still needed.
#include <string>
#include <vector>

#include "hooksmith/webhook.hpp"
#include "webhook/compiled_state.hpp"
#include "webhook/linked_data_object.hpp"
#include "template/message.hpp"
#include "webhook/linked_data_source.hpp"

namespace hooksmith {

namespace {

using detail::LinkedDataKey;
using detail::LinkedDataState;

// Renders every template of the webhook against `context` (whose linkedData records reads).
// Errors and missing values are ignored here: the real render reports them.
void run_discovery(const detail::CompiledWebhookState& state, const Context& context) {
    RenderOptions options;
    options.missing = MissingPolicy::jinja;
    std::string scratch;
    auto render = [&](const Template& tmpl) {
        scratch.clear();
        try {
            tmpl.render_to(scratch, context, options);
        } catch (const Error&) {
        }
    };
    render(state.url);
    for (const detail::CompiledData& field : state.data) render(field.value);
    if (state.body) render(*state.body);
    for (const detail::CompiledHeader& header : state.headers) render(header.value);
    if (state.signing_id) render(*state.signing_id);
}

// The discovery state after evaluating this user's templates with `answers`.
std::shared_ptr<LinkedDataState> discover(const detail::CompiledWebhookState& state, const Context& context,
                                          const std::vector<LinkedDataAnswer>& answers) {
    const std::vector<LinkedDataSource>& sources = state.config.linked_data;
    auto linked = detail::linked_data_state(context, sources, LinkedDataState::Mode::discover);
    for (auto& entry : detail::answer_entries(sources, answers)) {
        linked->answers[entry.first] = std::move(entry.second);
    }
    run_discovery(state, detail::with_linked_data_object(context, linked));
    if (linked->reads.size() > max_linked_data_fetches) {
        detail::throw_error(ErrorKind::limit, {"this user's render reads more than ", max_linked_data_fetches,
                                               " linked data items (distinct source and parameter pairs), the "
                                               "limit per user"});
    }
    return linked;
}

const LinkedDataSource& source_named(const std::vector<LinkedDataSource>& sources, const std::string& name) {
    for (const LinkedDataSource& source : sources) {
        if (source.name == name) return source;
    }
    detail::throw_error(ErrorKind::input, {"no linked data source named '", name, "'"});  // unreachable: reads are declared
}

// The source a variable path such as `linkedData.menu.items` or `linkedData['menu']` reads.
std::string source_of_path(const std::string& path) {
    const std::string root = "linkedData";
    if (path.compare(0, root.size(), root) != 0 || path.size() <= root.size()) return {};
    std::size_t i = root.size();
    std::size_t end;
    if (path[i] == '.') {
        end = path.find_first_of(".[", ++i);
    } else if (path.compare(i, 2, "['") == 0 || path.compare(i, 2, "[\"") == 0) {
        const char quote = path[i + 1];
        i += 2;
        end = path.find(quote, i);
    } else {
        return {};
    }
    return path.substr(i, end == std::string::npos ? std::string::npos : end - i);
}

}  // namespace

std::vector<LinkedDataFetch> CompiledWebhook::linked_data_needed(const Context& context,
                                                                 const std::vector<LinkedDataAnswer>& answers) const {
    const detail::CompiledWebhookState& state = *state_;
    std::vector<LinkedDataFetch> fetches;
    if (state.config.linked_data.empty()) return fetches;
    auto linked = discover(state, context, answers);
    for (const LinkedDataKey& read : linked->reads) {
        if (linked->answers.count(read)) continue;
        const LinkedDataSource& source = source_named(state.config.linked_data, read.first);
        fetches.push_back({read.first, read.second, detail::linked_data_request(source, read.second)});
    }
    return fetches;
}

Context CompiledWebhook::with_linked_data(const Context& context, const std::vector<LinkedDataAnswer>& answers) const {
    const detail::CompiledWebhookState& state = *state_;
    if (state.config.linked_data.empty()) {
        if (!answers.empty()) {
            throw Error(ErrorKind::input, "answers were given, but the config declares no linkedData sources");
        }
        return context;
    }
    auto linked = discover(state, context, answers);
    for (const LinkedDataKey& read : linked->reads) {
        auto answer = linked->answers.find(read);
        if (answer == linked->answers.end() || answer->second.ok) continue;
        Error error(answer->second.failure_kind,
                    "linked data '" + read.first + "'" +
                        (read.second ? " for parameter " + Value(*read.second).repr() : std::string()) +
                        " could not be fetched: " + answer->second.failure + "; the webhook is not sent without it");
        error.variable = detail::linked_data_path(read);
        throw error;
    }
    linked->mode = LinkedDataState::Mode::render;
    linked->reads.clear();
    return detail::with_linked_data_object(context, std::move(linked));
}

const std::vector<LinkedDataSource>& CompiledWebhook::linked_data_sources() const {
    return state_->config.linked_data;
}

namespace detail {

// RenderReport's linked data part (report.cpp): what is still needed, and which absent
// variables are really declared sources (listed as needed instead).
void report_linked_data(const CompiledWebhook& webhook, const Context& context, RenderReport& report) {
    const std::vector<LinkedDataSource>& sources = webhook.linked_data_sources();
    if (sources.empty()) return;
    const auto supplied = linked_data_state(context, sources, LinkedDataState::Mode::render);
    std::vector<std::string> kept;
    for (std::string& path : report.absent_variables) {
        const std::string source = source_of_path(path);
        bool declared = false;
        for (const LinkedDataSource& s : sources) declared = declared || s.name == source;
        if (!declared || context_supplies(*supplied, source)) kept.push_back(std::move(path));
    }
    report.absent_variables = std::move(kept);
    try {
        for (const LinkedDataFetch& fetch : webhook.linked_data_needed(context)) {
            report.linked_data_needed.push_back(linked_data_path({fetch.source, fetch.parameter}));
        }
    } catch (const Error& error) {
        report.warnings.push_back(error.message);
    }
}

}  // namespace detail

}  // namespace hooksmith
