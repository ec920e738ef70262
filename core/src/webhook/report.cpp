#include <cctype>
#include <string_view>

#include "hooksmith/value.hpp"
#include "hooksmith/webhook.hpp"

namespace hooksmith {

namespace detail {
void report_linked_data(const CompiledWebhook& webhook, const Context& context, RenderReport& report);
}

namespace {

// Follows a variable path as the engine writes it (`parameter.item`, `userAttribute['First name']`,
// `items[0]`) through the context. An unreadable path counts as absent.
bool context_has(const Value& root, std::string_view path) {
    const Value* current = &root;
    std::size_t i = 0;
    auto step_key = [&current](std::string_view key) {
        if (!current->is_dict()) return false;
        current = current->as_dict().find(key);
        return current != nullptr;
    };
    while (i < path.size()) {
        if (path[i] == '.') ++i;
        if (i < path.size() && path[i] == '[') {
            if (i + 1 < path.size() && (path[i + 1] == '\'' || path[i + 1] == '"')) {
                const char quote = path[i + 1];
                std::string key;
                std::size_t j = i + 2;
                for (; j < path.size() && path[j] != quote; ++j) {
                    if (path[j] == '\\' && j + 1 < path.size()) ++j;
                    key += path[j];
                }
                if (j + 1 >= path.size() || path[j + 1] != ']') return false;
                if (!step_key(key)) return false;
                i = j + 2;
            } else {
                std::size_t j = i + 1;
                long long index = 0;
                const bool negative = j < path.size() && path[j] == '-';
                if (negative) ++j;
                const std::size_t digits = j;
                for (; j < path.size() && std::isdigit(static_cast<unsigned char>(path[j])) && j - digits < 18; ++j) {
                    index = index * 10 + (path[j] - '0');
                }
                if (j == digits || j >= path.size() || path[j] != ']' || !current->is_list()) return false;
                const auto& items = current->as_list();
                const long long size = static_cast<long long>(items.size());
                if (negative) index = size - index;
                if (index < 0 || index >= size) return false;
                current = &items[static_cast<std::size_t>(index)];
                i = j + 1;
            }
            continue;
        }
        std::size_t end = i;
        while (end < path.size() && path[end] != '.' && path[end] != '[') ++end;
        if (end == i || !step_key(path.substr(i, end - i))) return false;
        i = end;
    }
    return true;
}

bool starts_with_http(std::string_view url_template) {
    while (!url_template.empty() && std::isspace(static_cast<unsigned char>(url_template.front()))) {
        url_template.remove_prefix(1);
    }
    constexpr std::string_view http = "http://";
    if (url_template.size() < http.size()) return false;
    for (std::size_t i = 0; i < http.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(url_template[i])) != http[i]) return false;
    }
    return true;
}

}  // namespace

RenderReport CompiledWebhook::report(const Context& context) const {
    RenderReport report;
    for (const std::string& path : variables()) {
        if (!context_has(context.root(), path)) report.absent_variables.push_back(path);
    }
#if !HOOKSMITH_LITE
    detail::report_linked_data(*this, context, report);
#endif
    if (starts_with_http(config().url)) {
        report.warnings.push_back(
            "url uses http://: the request travels unencrypted, and a page served over https cannot "
            "send it (mixed content) unless it goes to 127.0.0.1 or localhost");
    }
    return report;
}

}  // namespace hooksmith
