# Shared by the boundary checks (CoreBoundary.cmake, DemoBoundary.cmake), include()d by
# their cmake -P scripts.

# Sets `out` to the C++ sources under `dir`, leaving out those whose path matches
# `exclude` (empty: none). Fails when there are none, so a wrong folder cannot pass for a
# clean one.
function(cpp_sources_under dir exclude out)
    file(GLOB_RECURSE sources "${dir}/*.h" "${dir}/*.hpp" "${dir}/*.cpp" "${dir}/*.cc")
    if(exclude)
        list(FILTER sources EXCLUDE REGEX "${exclude}")
    endif()
    if(NOT sources)
        message(FATAL_ERROR "no sources under ${dir}")
    endif()
    set(${out} "${sources}" PARENT_SCOPE)
endfunction()

# Sets `out` to "file: line" for every line of `files` that matches `pattern`.
function(lines_matching files pattern out)
    set(found "")
    foreach(path IN LISTS files)
        file(STRINGS "${path}" lines REGEX "${pattern}")
        foreach(line IN LISTS lines)
            list(APPEND found "${path}: ${line}")
        endforeach()
    endforeach()
    set(${out} "${found}" PARENT_SCOPE)
endfunction()
