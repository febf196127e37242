# Fails when a user-visible string has no finished German translation: runs lupdate over
# the sources into a copy of the committed .ts and looks for unfinished or new entries.
# Inputs: LUPDATE, TS_FILE, SOURCES_FILE (one source path per line), INCLUDE_DIRS (the folders
# the sources include headers from, separated by "|"), WORK_DIR.
file(MAKE_DIRECTORY "${WORK_DIR}")
set(copy "${WORK_DIR}/check.ts")
configure_file("${TS_FILE}" "${copy}" COPYONLY)
string(REPLACE "|" ";" include_dirs "${INCLUDE_DIRS}")
set(include_options)
foreach(dir IN LISTS include_dirs)
    list(APPEND include_options -I "${dir}")
endforeach()
execute_process(
    COMMAND "${LUPDATE}" -no-obsolete -locations none ${include_options} "@${SOURCES_FILE}" -ts "${copy}"
    RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "lupdate failed: ${output}")
endif()
file(READ "${copy}" content)
string(REGEX MATCHALL "<source>[^<]*</source>[ \n\r\t]*(<comment>[^<]*</comment>[ \n\r\t]*)?<translation type=\"unfinished\"" missing "${content}")
list(LENGTH missing count)
if(count GREATER 0)
    string(REPLACE ";" "\n" listing "${missing}")
    message(FATAL_ERROR "${count} string(s) lack a German translation in ${TS_FILE}:\n${listing}\n"
                        "Run: cmake --build build --target update_translations, then translate them.")
endif()
string(REGEX MATCHALL "<translation type=\"unfinished\"" plural "${content}")
list(LENGTH plural pluralCount)
if(pluralCount GREATER 0)
    message(FATAL_ERROR "${pluralCount} unfinished translation(s) in ${TS_FILE}")
endif()
message(STATUS "every string has a German translation")
