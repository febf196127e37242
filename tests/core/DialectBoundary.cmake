# Proves that SQL which differs between SQLite and PostgreSQL lives only in the dialect
# classes (STYLE: "SQL that differs between engines lives only in the dialect classes").
# Run with cmake -P:
#   SOURCE_DIRS  the folders to check, separated by "|" (core, ui, app)
#   ALLOWED      file path patterns (regular expressions) of the SQLite dialect classes and
#                the SQLite-only demo warehouse, separated by "|"
#   SCRATCH_DIR  a writable folder, to prove the check bites
# Comments do not count: a line's text after " //" is ignored.
cmake_minimum_required(VERSION 3.22)

foreach(variable SOURCE_DIRS ALLOWED SCRATCH_DIR)
    if(NOT DEFINED ${variable})
        message(FATAL_ERROR "DialectBoundary.cmake needs -D${variable}=...")
    endif()
endforeach()

# What only SQLite understands: its C API, its Qt driver, its date, JSON and catalog
# functions, its row numbers, its conflict clauses, its BLOB type and GROUP_CONCAT.
set(sqlite_only
    "sqlite3_" "QSQLITE" "julianday[ \t]*\\(" "json_extract[ \t]*\\(" "strftime[ \t]*\\(" "datetime[ \t]*\\("
    "json_valid[ \t]*\\(" "json_each" "json_group_" "pragma_" "PRAGMA " "[^a-z_]rowid[^a-z_]" "sqlite_master"
    "sqlite_sequence" "INSERT OR " "lastInsertId" "GLOB " "[Aa][Ss][ \t]+BLOB" "GROUP_CONCAT[ \t]*\\("
    "group_concat[ \t]*\\(")
list(JOIN sqlite_only "|" pattern)

# Sets `out` to "file:line" entries whose code (comments stripped) matches.
function(violations_in dirs allowed out)
    set(found "")
    foreach(dir IN LISTS dirs)
        file(GLOB_RECURSE sources "${dir}/*.h" "${dir}/*.cpp")
        if(NOT sources)
            message(FATAL_ERROR "no sources under ${dir}")
        endif()
        foreach(source IN LISTS sources)
            set(skip FALSE)
            foreach(allow IN LISTS allowed)
                if(source MATCHES "${allow}")
                    set(skip TRUE)
                endif()
            endforeach()
            if(skip)
                continue()
            endif()
            file(STRINGS "${source}" lines REGEX "${pattern}")
            foreach(line IN LISTS lines)
                string(REGEX REPLACE "^[ \t]*//.*$" "" code "${line}")
                string(REGEX REPLACE "[ \t]//.*$" "" code "${code}")
                if(code MATCHES "${pattern}")
                    string(STRIP "${line}" shown)
                    string(REPLACE ";" "" shown "${shown}") # one list entry per finding
                    list(APPEND found "${source}: ${shown}")
                endif()
            endforeach()
        endforeach()
    endforeach()
    set(${out} "${found}" PARENT_SCOPE)
endfunction()

string(REPLACE "|" ";" dirs "${SOURCE_DIRS}")
string(REPLACE "|" ";" allowed "${ALLOWED}")

# First prove the check can fail: a planted file with engine-specific SQL, and a comment
# that merely names it, must give exactly one finding.
set(planted "${SCRATCH_DIR}/planted")
file(REMOVE_RECURSE "${planted}")
file(MAKE_DIRECTORY "${planted}")
file(WRITE "${planted}/Queries.cpp"
     "// julianday( in a comment is fine\nconst auto sql = u\"SELECT julianday(decided_at) FROM mdm_approval\"_s;\n")
violations_in("${planted}" "" planted_found)
list(LENGTH planted_found planted_count)
if(NOT planted_count EQUAL 1)
    message(FATAL_ERROR "the dialect check does not bite: ${planted_count} finding(s) in the planted file")
endif()

violations_in("${dirs}" "${allowed}" found)
if(found)
    string(REPLACE ";" "\n  " listing "${found}")
    message(FATAL_ERROR "SQLite-only SQL outside the SQLite dialect classes:\n  ${listing}\n"
                        "Move it behind core/store/SqlDialect or core/profiler/ScanDialect.")
endif()
message(STATUS "no SQLite-only SQL outside the dialect classes")
