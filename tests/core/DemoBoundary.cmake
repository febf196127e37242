# Proves the domain library carries no demo code: the demo is steward_demo, a library of
# its own that links steward_core, never the other way round. Run with cmake -P:
#   NM            the nm of the toolchain
#   CORE_ARCHIVE  libsteward_core.a        DEMO_ARCHIVE  libsteward_demo.a
#   CORE_LINKS    what steward_core links (LINK_LIBRARIES and INTERFACE_LINK_LIBRARIES, '|'-separated)
#   CORE_DIR      the core sources, with the demo in CORE_DIR/demo
#   SCRATCH_DIR   a writable folder, to prove the include check bites
# Like CoreBoundary.cmake, it first proves each check can fail, then runs them.
cmake_minimum_required(VERSION 3.22)
include(${CMAKE_CURRENT_LIST_DIR}/SourceLines.cmake)

foreach(variable NM CORE_ARCHIVE DEMO_ARCHIVE CORE_LINKS CORE_DIR SCRATCH_DIR)
    if(NOT DEFINED ${variable})
        message(FATAL_ERROR "DemoBoundary.cmake needs -D${variable}=...")
    endif()
endforeach()

# Sets `out` to the strong external definitions (code and data) of `archive`, mangled.
function(defined_symbols archive out)
    if(NOT EXISTS "${archive}")
        message(FATAL_ERROR "no such file: ${archive}")
    endif()
    execute_process(COMMAND "${NM}" -g --defined-only "${archive}"
        OUTPUT_VARIABLE listing ERROR_VARIABLE errors RESULT_VARIABLE status)
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "${NM} ${archive} failed (${status}): ${errors}")
    endif()
    string(REGEX MATCHALL "[0-9a-f]+ [TDRB] [^\n]+" lines "${listing}")
    list(TRANSFORM lines REPLACE "^[0-9a-f]+ [TDRB] " "")
    set(${out} "${lines}" PARENT_SCOPE)
endfunction()

# Sets `out` to the symbols of `demo_symbols` that `archive` defines too.
function(demo_symbols_in archive demo_symbols out)
    defined_symbols("${archive}" symbols)
    set(all ${symbols} ${demo_symbols})
    list(LENGTH all before)
    list(REMOVE_DUPLICATES all)
    list(LENGTH all after)
    set(found "")
    if(NOT before EQUAL after)
        foreach(symbol IN LISTS demo_symbols)
            if(symbol IN_LIST symbols)
                list(APPEND found "${symbol}")
            endif()
        endforeach()
    endif()
    set(${out} "${found}" PARENT_SCOPE)
endfunction()

# Sets `out` to the entries of the '|'-separated `links` that name the demo library.
function(demo_links links out)
    string(REPLACE "|" ";" entries "${links}")
    list(FILTER entries INCLUDE REGEX "steward_demo")
    set(${out} "${entries}" PARENT_SCOPE)
endfunction()

# Sets `out` to "file: line" for every include of a demo header under `dir`, outside `dir`/demo.
function(demo_includes_in dir out)
    cpp_sources_under("${dir}" "^${dir}/demo/" sources)
    lines_matching("${sources}"
        "#[ \t]*include[ \t]*[<\"](demo/|DemoCatalog|DemoSeeder|FirstRun|WarehouseSeeder|ProfileHistorySeeder)" found)
    set(${out} "${found}" PARENT_SCOPE)
endfunction()

# First prove each check can fail, so a pass below means something.
defined_symbols("${DEMO_ARCHIVE}" demo_symbols)
list(LENGTH demo_symbols demo_count)
if(demo_count LESS 10)
    message(FATAL_ERROR "the symbol check is broken: ${DEMO_ARCHIVE} defines only ${demo_count} symbols")
endif()
demo_symbols_in("${DEMO_ARCHIVE}" "${demo_symbols}" self_check_symbols)
list(LENGTH self_check_symbols self_check_count)
if(NOT self_check_count EQUAL demo_count)
    message(FATAL_ERROR "the symbol check is broken: it finds ${self_check_count} of ${demo_count} demo symbols in the demo itself")
endif()
demo_links("Qt6::Core|$<LINK_ONLY:steward_demo>|project_options" self_check_links)
if(NOT self_check_links)
    message(FATAL_ERROR "the link check is broken: it does not see steward_demo in a list that names it")
endif()
file(REMOVE_RECURSE "${SCRATCH_DIR}")
file(WRITE "${SCRATCH_DIR}/demo/DemoCatalog.h" "#include \"demo/DemoSeeder.h\"\n")
file(WRITE "${SCRATCH_DIR}/store/clean.cpp" "#include \"store/Database.h\"\n")
file(WRITE "${SCRATCH_DIR}/store/seeding.cpp" "#include \"demo/FirstRun.h\"\n#  include <DemoCatalog.h>\n")
demo_includes_in("${SCRATCH_DIR}" self_check_includes)
list(LENGTH self_check_includes self_check_include_count)
if(NOT self_check_include_count EQUAL 2)
    message(FATAL_ERROR "the include check is broken: expected 2 hits in ${SCRATCH_DIR}, got: ${self_check_includes}")
endif()
file(REMOVE_RECURSE "${SCRATCH_DIR}")

# The checks themselves.
demo_symbols_in("${CORE_ARCHIVE}" "${demo_symbols}" contained)
demo_links("${CORE_LINKS}" linked)
demo_includes_in("${CORE_DIR}" included)
foreach(symbol IN LISTS contained)
    message(SEND_ERROR "steward_core defines the demo's ${symbol}")
endforeach()
foreach(link IN LISTS linked)
    message(SEND_ERROR "steward_core links ${link}")
endforeach()
foreach(hit IN LISTS included)
    message(SEND_ERROR "core includes the demo: ${hit}")
endforeach()
if(contained OR linked OR included)
    message(FATAL_ERROR "the demo is part of the domain library")
endif()
message(STATUS "steward_core holds none of the ${demo_count} symbols of steward_demo, does not link it, and no core source outside demo/ includes it")
