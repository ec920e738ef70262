// The Wasm module's sprintf family, in place of musl's.
//
// hooksmith's own code no longer formats through libc (core/src/template/decimal.hpp), but the
// runtime still does: Embind's __getTypeName prints a type's address with siprintf("%p"), and
// libc++'s error categories print "Unknown error %d". musl's printf brings printf_core, fmt_fp
// and their long double (128-bit soft float on wasm32) for that, ~8 KB of code. The link wraps
// the names (wasm/CMakeLists.txt: -Wl,--wrap=sprintf,…), so every call lands in a __wrap_
// function here, which formats through decimal::vformat (compared with glibc by the native
// tests). Plain definitions of `sprintf` & co. collided instead: Emscripten's libc defines several
// names per archive member (sprintf.o: sprintf, __small_sprintf, siprintf), Embind's prebuilt
// bind.o calls the integer-only `siprintf`, and a member loaded for one name brings duplicates of
// the others. Wrapping redirects every reference whatever the layout; the `__small_` (calls
// without floating-point arguments, renamed by Emscripten's compiler) and `i` names are wrapped
// too. Only the Wasm build links this file.
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <string>

#include "template/decimal.hpp"

extern "C" {

int __wrap_vsnprintf(char* out, std::size_t size, const char* format, std::va_list args) {
    std::string text;
    hooksmith::decimal::vformat(text, format, args);
    if (size > 0) {
        const std::size_t n = text.size() < size - 1 ? text.size() : size - 1;
        std::memcpy(out, text.data(), n);
        out[n] = '\0';
    }
    return static_cast<int>(text.size());
}

int __wrap_vsprintf(char* out, const char* format, std::va_list args) {
    return __wrap_vsnprintf(out, static_cast<std::size_t>(-1) / 2, format, args);
}

int __wrap_snprintf(char* out, std::size_t size, const char* format, ...) {
    std::va_list args;
    va_start(args, format);
    const int n = __wrap_vsnprintf(out, size, format, args);
    va_end(args);
    return n;
}

int __wrap_sprintf(char* out, const char* format, ...) {
    std::va_list args;
    va_start(args, format);
    const int n = __wrap_vsprintf(out, format, args);
    va_end(args);
    return n;
}

// The `__small_` twins (see the top of this file).
int __wrap___small_vsnprintf(char* out, std::size_t size, const char* format, std::va_list args) {
    return __wrap_vsnprintf(out, size, format, args);
}

int __wrap___small_vsprintf(char* out, const char* format, std::va_list args) { return __wrap_vsprintf(out, format, args); }

int __wrap___small_sprintf(char* out, const char* format, ...) {
    std::va_list args;
    va_start(args, format);
    const int n = __wrap_vsprintf(out, format, args);
    va_end(args);
    return n;
}

// The integer-only names (Embind's bind.cpp was compiled to call siprintf).
int __wrap_vsniprintf(char* out, std::size_t size, const char* format, std::va_list args) {
    return __wrap_vsnprintf(out, size, format, args);
}

int __wrap_vsiprintf(char* out, const char* format, std::va_list args) { return __wrap_vsprintf(out, format, args); }

int __wrap_siprintf(char* out, const char* format, ...) {
    std::va_list args;
    va_start(args, format);
    const int n = __wrap_vsprintf(out, format, args);
    va_end(args);
    return n;
}

}  // extern "C"
