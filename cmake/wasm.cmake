# Emscripten 3.1.6 (Debian) specifics; see docs/toolchain.md.

# nlohmann/json is not in the Emscripten sysroot and -I/usr/include drags in glibc headers:
# give em++ a folder that holds nothing but nlohmann/.
set(HOOKSMITH_NLOHMANN_DIR /usr/include/nlohmann CACHE PATH "Folder holding nlohmann/json.hpp")
set(_json_root ${CMAKE_BINARY_DIR}/third_party_include)
file(MAKE_DIRECTORY ${_json_root})
if(NOT EXISTS ${_json_root}/nlohmann)
  file(CREATE_LINK ${HOOKSMITH_NLOHMANN_DIR} ${_json_root}/nlohmann SYMBOLIC)
endif()
add_library(hooksmith_json INTERFACE)
target_include_directories(hooksmith_json SYSTEM INTERFACE ${_json_root})

# Native Wasm exceptions: cheap, and supported by Node 20 and current Chromium. Must be given
# at compile and at link time.
add_compile_options(-fwasm-exceptions)
add_link_options(-fwasm-exceptions)

# Debian's emscripten runs its JS optimizer with the machine's node, which does not search
# Debian's module folder (Cannot find module 'acorn'): every link gets NODE_PATH.
set(CMAKE_CXX_LINKER_LAUNCHER ${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs)

execute_process(COMMAND ${CMAKE_CXX_COMPILER} --version OUTPUT_VARIABLE _em_version
                OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
string(REGEX REPLACE "\n.*" "" _em_version "${_em_version}")
message(STATUS "hooksmith: ${_em_version}")

# Size matters more than peak speed for a module a page downloads: every core library is
# compiled for size, not only the link.
set(CMAKE_CXX_FLAGS_RELEASE "-Oz -DNDEBUG")
