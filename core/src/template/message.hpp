// Error messages joined out of line. A throw site that builds its message with `std::string`
// operator+ keeps a chain of temporaries in its own frame, and every call that may throw while
// they are alive needs a landing pad that destroys them: in the Wasm build those pads were a
// large share of the core's size (docs/performance-history.md, "Session 7: error messages joined
// out of line"). A throw site passes `Parts` instead — a braced list of trivially destructible
// pieces (text or a number) — to one [[noreturn]] function that joins them and throws, so the
// frame needs no cleanup at all.
//
//     fail_config({at, " must be an object, not ", json_type_name(entry)}, {at});
//
// A piece only borrows its text: the list must not outlive the full expression it is in (as
// when it is passed straight to a call).
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "hooksmith/error.hpp"

namespace hooksmith::detail {

// `name[index]` as one piece ("data[2]"): the field paths of list entries, without building them.
struct Indexed {
    std::string_view name;
    std::size_t index;
};

// `text` in single quotes ("'endif'"): a token or name as messages quote it.
struct Quoted {
    std::string_view text;
};

// The 1-based "line:column" of byte `offset` in `source` (position_of), computed only when the
// message is joined: the template compiler's "… opened at 3:7".
struct LineColumn {
    std::string_view source;
    std::uint32_t offset;
};

class Piece {
public:
    // Implicit on purpose: the pieces of a braced list convert from what a message is made of.
    Piece(const char* text) noexcept : Piece(std::string_view(text)) {}
    Piece(std::string_view text) noexcept : text_(text.data()), size_(text.size()), kind_(Kind::text) {}
    Piece(const std::string& text) noexcept : Piece(std::string_view(text)) {}
    Piece(char c) noexcept : number_(static_cast<unsigned char>(c)), kind_(Kind::character) {}
    Piece(int n) noexcept : Piece(static_cast<long long>(n)) {}
    Piece(long n) noexcept : Piece(static_cast<long long>(n)) {}
    Piece(long long n) noexcept : number_(static_cast<unsigned long long>(n)), kind_(Kind::signed_number) {}
    Piece(unsigned n) noexcept : Piece(static_cast<unsigned long long>(n)) {}
    Piece(unsigned long n) noexcept : Piece(static_cast<unsigned long long>(n)) {}
    Piece(unsigned long long n) noexcept : number_(n), kind_(Kind::unsigned_number) {}
    Piece(Indexed at) noexcept
        : text_(at.name.data()), size_(at.name.size()), number_(at.index), kind_(Kind::indexed) {}
    Piece(Quoted quoted) noexcept : text_(quoted.text.data()), size_(quoted.text.size()), kind_(Kind::quoted) {}
    Piece(LineColumn at) noexcept
        : text_(at.source.data()), size_(at.source.size()), number_(at.offset), kind_(Kind::line_column) {}

    void append_to(std::string& out) const;

private:
    enum class Kind : unsigned char { text, character, signed_number, unsigned_number, indexed, quoted, line_column };
    // Only the members its kind reads are set: every store is code at each throw site. Pieces
    // are never copied (a braced list's elements are built in place), so none is read unset.
    const char* text_;
    std::size_t size_;
    unsigned long long number_;
    Kind kind_;
};

using Parts = std::initializer_list<Piece>;

// The pieces concatenated.
std::string join(Parts parts);

// throw Error(kind, join(message)) — and with `field` set to join(field). Errors that carry
// more (a position, a variable) have their own thrower next to the code that owns them
// (Evaluator::fail, fail_config, the parser's fail_at).
[[noreturn]] void throw_error(ErrorKind kind, Parts message);
[[noreturn]] void throw_error(ErrorKind kind, Parts message, Parts field);
// throw error.in_field(join(field)): an error surfacing from a nested part of a config.
[[noreturn]] void throw_in_field(const Error& error, Parts field);
// throw Error(kind, join(message), line, column), the position of byte `offset` in `source`
// (position_of): the template compiler's errors (lexer, parser, nesting limit).
[[noreturn]] void throw_at(ErrorKind kind, std::string_view source, std::uint32_t offset, Parts message);

}  // namespace hooksmith::detail
