# The "once" rules that a search of the sources can prove. Each rule first proves it
# bites on planted samples, then searches the real sources. Run with cmake -P:
#   RULE         typed-events | threads-once
#   SOURCE_DIRS  the source folders to search, separated by "|"
#   SCRATCH_DIR  a writable folder for the planted samples
cmake_minimum_required(VERSION 3.22)

foreach(variable RULE SOURCE_DIRS SCRATCH_DIR)
    if(NOT DEFINED ${variable})
        message(FATAL_ERROR "SourceCheck.cmake needs -D${variable}=...")
    endif()
endforeach()

# Per rule: the pattern of a forbidden line; files that may hold one (regexes) and
# lines that only look like one; planted samples (file name, content) and how many
# forbidden lines they hold; what a finding means.
if(RULE STREQUAL "typed-events")
    # Subscribers connect to the bus's typed signals and switch on Event::kind(); names
    # are spelled in events/Event.h and mapped to kinds in events/Event.cpp alone.
    set(pattern "([.]type[ \t]*[!=]=)|([!=]=[ \t]*QStringView[(][A-Za-z:]*EventType::)|(type[.]startsWith[(])")
    set(allowed_files "/core/events/Event[.]cpp$")
    set(look_alikes "(family|live|snapshot|entity|column|rule)[.]type") # other things have a type too
    set(samples
        "clean.cpp" "connect(&bus, &EventBus::approvalDecided, this, &X::onDecided)\nif (event.kind() == EventKind::AlertFired) {}\nif (family.type == MetricType::Histogram) {}\n"
        "strings.cpp" "if (event.type == u\"approval.approved\"_s) {}\nreturn type == QStringView(EventType::ApprovalApproved)\nif (e.type != QStringView(alerts::AlertEventType::Fired)) {}\nif (event.type.startsWith(u\"alert.\"_s)) {}\n")
    set(planted 4)
    set(finding "event type names compared instead of Event::kind() or a typed signal")
elseif(RULE STREQUAL "threads-once")
    # Work leaves its thread through core/jobs/JobRunner. The other places that make a
    # thread, and why the runner does not fit them:
    set(pattern "(QThread::create|new QThread|moveToThread|QtConcurrent|QThreadPool|std::thread|std::async)")
    set(allowed_files
        "/core/jobs/JobRunner[.]cpp$" # the runner itself
        # One scan split across partitions, each on its own connection, joined before the
        # profile job (already on the runner's thread) goes on: fork-join, not a job.
        "/core/profiler/SqliteScanEngine[.]cpp$"
        # The approvals report diffs its next batch on a pool while its job writes the
        # current one, joined batch by batch: fork-join inside a job.
        "/core/report/ApprovalReportData[.](h|cpp)$"
        # A server living on its thread, answering requests until stopped: no job with one
        # result. Its handlers answer through the runner's guard.
        "/app/http/MetricsServer[.](h|cpp)$"
        # Team mode's doorbell: a listener that lives as long as the window follows a
        # tenant, reading events whenever the database rings. No job with one result.
        "/core/events/TeamEventRelay[.]cpp$")
    set(look_alikes "^$")
    set(samples
        "core/jobs/JobRunner.cpp" "m_thread = new QThread\n"
        "clean.cpp" "runner.start(work, done)\n#include <QThread>\n"
        "loader.cpp" "loader->moveToThread(thread)\nauto *t = QThread::create(work)\n"
        "pool.h" "QThreadPool pool\nQtConcurrent::run(work)\n")
    set(planted 4)
    set(finding "a thread made by hand instead of with jobs::JobRunner")
else()
    message(FATAL_ERROR "no rule ${RULE}")
endif()

# Sets `out` to "file: line" for every forbidden line under `dirs`.
function(forbidden_lines_in dirs out)
    set(found "")
    foreach(dir IN LISTS dirs)
        file(GLOB_RECURSE sources "${dir}/*.h" "${dir}/*.cpp")
        if(NOT sources)
            message(FATAL_ERROR "no sources under ${dir}")
        endif()
        foreach(source IN LISTS sources)
            set(excused FALSE)
            foreach(allowed IN LISTS allowed_files)
                if(source MATCHES "${allowed}")
                    set(excused TRUE)
                endif()
            endforeach()
            if(excused)
                continue()
            endif()
            # Lines as a CMake list: characters that mean something to lists go first.
            file(READ "${source}" content)
            string(REGEX REPLACE "[][;\\]" "_" content "${content}")
            string(REPLACE "\n" ";" lines "${content}")
            foreach(line IN LISTS lines)
                if(line MATCHES "${pattern}" AND NOT line MATCHES "${look_alikes}")
                    string(STRIP "${line}" line)
                    list(APPEND found "${source}: ${line}")
                endif()
            endforeach()
        endforeach()
    endforeach()
    set(${out} "${found}" PARENT_SCOPE)
endfunction()

# First prove the rule bites, so a pass below means something.
file(REMOVE_RECURSE "${SCRATCH_DIR}")
list(LENGTH samples sample_items)
math(EXPR last "${sample_items} - 1")
foreach(index RANGE 0 ${last} 2)
    math(EXPR content_index "${index} + 1")
    list(GET samples ${index} name)
    list(GET samples ${content_index} content)
    file(WRITE "${SCRATCH_DIR}/${name}" "${content}")
endforeach()
forbidden_lines_in("${SCRATCH_DIR}" self_check)
list(LENGTH self_check self_check_count)
if(NOT self_check_count EQUAL planted)
    message(FATAL_ERROR "the ${RULE} check is broken: it found ${self_check_count} of ${planted} planted lines: ${self_check}")
endif()

string(REPLACE "|" ";" dirs "${SOURCE_DIRS}")
forbidden_lines_in("${dirs}" findings)
if(findings)
    string(REPLACE ";" "\n  " listing "${findings}")
    message(FATAL_ERROR "${finding}:\n  ${listing}")
endif()
message(STATUS "${RULE}: holds")
