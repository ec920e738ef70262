// The native Linked Data driver: needed → fetch through the cache → … → render, over a Transport.
#include <string>
#include <vector>

#include "hooksmith/linked_data.hpp"
#include "hooksmith/webhook.hpp"
#include "template/message.hpp"

namespace hooksmith {

namespace {

std::string cache_key(const std::string& source, const std::string& url) { return source + ' ' + url; }

LinkedDataAnswer answer_from(const LinkedDataFetch& fetch, const TransportResult& result, std::int64_t timeout_ms) {
    LinkedDataAnswer answer;
    answer.source = fetch.source;
    answer.parameter = fetch.parameter;
    switch (result.kind) {
        case TransportResult::response:
            answer.status = result.http.status;
            answer.body = result.http.body;
            break;
        case TransportResult::timeout: answer.error = "timeout after " + std::to_string(timeout_ms) + " ms"; break;
        case TransportResult::connection_refused: answer.error = "connection refused"; break;
        case TransportResult::network_error:
            answer.error = result.fault.empty() ? std::string("network error") : result.fault;
            break;
    }
    return answer;
}

}  // namespace

const LinkedDataAnswer* LinkedDataCache::find(const std::string& source, const std::string& url) const {
    auto it = answers_.find(cache_key(source, url));
    if (it == answers_.end()) {
        ++misses_;
        return nullptr;
    }
    ++hits_;
    return &it->second;
}

void LinkedDataCache::store(const std::string& source, const std::string& url, LinkedDataAnswer answer) {
    answers_[cache_key(source, url)] = std::move(answer);
}

Request render_resolved(const CompiledWebhook& webhook, const Context& context, const RenderInput& input,
                        Transport& transport, LinkedDataCache& cache, const LinkedDataOptions& options) {
    std::vector<LinkedDataAnswer> answers;
    for (int round = 0;; ++round) {
        const std::vector<LinkedDataFetch> needed = webhook.linked_data_needed(context, answers);
        if (needed.empty()) break;
        if (round >= options.max_rounds) {
            detail::throw_error(ErrorKind::limit, {"linked data is still needed after ", options.max_rounds,
                                                   " rounds of fetching (each round found data read only behind "
                                                   "the last); simplify the template or raise max_rounds"});
        }
        for (const LinkedDataFetch& fetch : needed) {
            if (const LinkedDataAnswer* cached = cache.find(fetch.source, fetch.request.url)) {
                LinkedDataAnswer answer = *cached;
                answer.parameter = fetch.parameter;  // another parameter may encode to the same URL
                answers.push_back(std::move(answer));
                continue;
            }
            LinkedDataAnswer answer = answer_from(fetch, transport.send(fetch.request, options.timeout_ms),
                                                  options.timeout_ms);
            cache.store(fetch.source, fetch.request.url, answer);
            answers.push_back(std::move(answer));
        }
    }
    return webhook.render(webhook.with_linked_data(context, answers), input);
}

}  // namespace hooksmith
