# Proves no subscriber tells events apart by comparing type names: they connect to the
# bus's typed signals and switch on Event::kind(). Names are spelled in events/Event.h
# and mapped to kinds in events/Event.cpp alone. Run with cmake -P:
#   SOURCE_DIRS  the source folders to search, separated by "|"
#   SCRATCH_DIR  a writable folder, to prove the check bites
cmake_minimum_required(VERSION 3.22)

foreach(variable SOURCE_DIRS SCRATCH_DIR)
    if(NOT DEFINED ${variable})
        message(FATAL_ERROR "TypedEvents.cmake needs -D${variable}=...")
    endif()
endforeach()

# `event.type == ...`, `e.type != ...`, `type == QStringView(EventType::...)`, and an
# event type's name compared with startsWith.
set(compare_pattern "([.]type[ \t]*[!=]=)|([!=]=[ \t]*QStringView[(][A-Za-z:]*EventType::)|(type[.]startsWith[(])")

# Sets `out` to "file: line" for every comparison of event type names under `dirs`.
function(type_comparisons_in dirs out)
    set(found "")
    foreach(dir IN LISTS dirs)
        file(GLOB_RECURSE sources "${dir}/*.h" "${dir}/*.cpp")
        if(NOT sources)
            message(FATAL_ERROR "no sources under ${dir}")
        endif()
        foreach(source IN LISTS sources)
            if(source MATCHES "/events/Event[.]cpp$")
                continue() # the one table from names to kinds
            endif()
            # Lines as a CMake list: characters that mean something to lists go first.
            file(READ "${source}" content)
            string(REGEX REPLACE "[][;\\]" "_" content "${content}")
            string(REPLACE "\n" ";" lines "${content}")
            foreach(line IN LISTS lines)
                # Other things have a type too (metric families, entity snapshots).
                if(NOT line MATCHES "${compare_pattern}" OR line MATCHES "(family|live|snapshot|entity|column|rule)[.]type")
                    continue()
                endif()
                string(STRIP "${line}" line)
                list(APPEND found "${source}: ${line}")
            endforeach()
        endforeach()
    endforeach()
    set(${out} "${found}" PARENT_SCOPE)
endfunction()

# First prove the check can fail, so a pass below means something.
file(REMOVE_RECURSE "${SCRATCH_DIR}")
file(WRITE "${SCRATCH_DIR}/clean.cpp" "connect(&bus, &EventBus::approvalDecided, this, &X::onDecided);\nif (event.kind() == EventKind::AlertFired) {}\nif (family.type == MetricType::Histogram) {}\n")
file(WRITE "${SCRATCH_DIR}/strings.cpp" "if (event.type == u\"approval.approved\"_s) {}\nreturn type == QStringView(EventType::ApprovalApproved);\nif (e.type != QStringView(alerts::AlertEventType::Fired)) {}\nif (event.type.startsWith(u\"alert.\"_s)) {}\n")
type_comparisons_in("${SCRATCH_DIR}" self_check)
list(LENGTH self_check self_check_count)
if(NOT self_check_count EQUAL 4)
    message(FATAL_ERROR "the check is broken: it found ${self_check_count} of 4 planted comparisons: ${self_check}")
endif()

string(REPLACE "|" ";" dirs "${SOURCE_DIRS}")
type_comparisons_in("${dirs}" comparisons)
if(comparisons)
    string(REPLACE ";" "\n  " listing "${comparisons}")
    message(FATAL_ERROR "event type names compared instead of Event::kind() or a typed signal:\n  ${listing}")
endif()
message(STATUS "no subscriber compares event type names")
