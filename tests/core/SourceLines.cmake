# Shared by the boundary checks (CoreBoundary.cmake, DemoBoundary.cmake), include()d by
# their cmake -P scripts.

# Sets `out` to "file: line" for every line matching `pattern` in the C++ sources under
# `dir`, leaving out the files whose path matches `exclude` (empty: none). Fails when
# there are no sources, so a wrong folder cannot pass for a clean one.
function(source_lines_matching dir pattern exclude out)
    file(GLOB_RECURSE sources "${dir}/*.h" "${dir}/*.hpp" "${dir}/*.cpp" "${dir}/*.cc")
    if(exclude)
        list(FILTER sources EXCLUDE REGEX "${exclude}")
    endif()
    if(NOT sources)
        message(FATAL_ERROR "no sources under ${dir}")
    endif()
    set(found "")
    foreach(source IN LISTS sources)
        file(STRINGS "${source}" lines REGEX "${pattern}")
        foreach(line IN LISTS lines)
            list(APPEND found "${source}: ${line}")
        endforeach()
    endforeach()
    set(${out} "${found}" PARENT_SCOPE)
endfunction()
