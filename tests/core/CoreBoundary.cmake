# Proves core needs neither Qt Gui nor Widgets (STYLE habit 1). Run with cmake -P:
#   EXECUTABLE   a core test executable (links steward_core + Qt Test only)
#   CORE_DIR     the core sources
#   GUI_LIBRARY  a library known to load Qt Gui (Qt6::Widgets), to prove the link check bites
#   SCRATCH_DIR  a writable folder, to prove the include check bites
cmake_minimum_required(VERSION 3.22)
include(${CMAKE_CURRENT_LIST_DIR}/SourceLines.cmake)

foreach(variable EXECUTABLE CORE_DIR GUI_LIBRARY SCRATCH_DIR)
    if(NOT DEFINED ${variable})
        message(FATAL_ERROR "CoreBoundary.cmake needs -D${variable}=...")
    endif()
endforeach()

set(forbidden_libraries "libQt6Gui" "libQt6Widgets" "libQt6OpenGL" "libQt6Charts" "libQt6PrintSupport")
# Headers of Qt Gui, Widgets and friends that core must not include.
set(forbidden_includes
    "Qt(Gui|Widgets|OpenGL|OpenGLWidgets|Charts|PrintSupport|Svg|SvgWidgets|Quick|Qml)(/|>)"
    "QWidget" "QApplication" "QGuiApplication" "QMainWindow" "QDialog" "QMessageBox" "QAction"
    "QColor" "QImage" "QPainter" "QPixmap" "QIcon" "QFont" "QPalette" "QBrush" "QPen" "QCursor"
    "QScreen" "QWindow" "QClipboard" "QDesktopServices" "QKeyEvent" "QMouseEvent" "QKeySequence"
    "QValidator" "QIntValidator" "QDoubleValidator" "QRegularExpressionValidator"
    "QTextDocument" "QTextCursor" "QSyntaxHighlighter" "QStandardItemModel" "QStandardItem"
    "QPdfWriter" "QPageSize" "QPageLayout" "QPrinter" "QChart" "QSvg")
list(JOIN forbidden_includes "|" forbidden_alternatives)
set(include_pattern "#[ \t]*include[ \t]*[<\"](${forbidden_alternatives})")

# Sets `out` to the Gui/Widgets libraries `binary` loads; fails if ldd cannot tell.
function(gui_libraries_of binary out)
    if(NOT EXISTS "${binary}")
        message(FATAL_ERROR "no such file: ${binary}")
    endif()
    execute_process(COMMAND ldd "${binary}" OUTPUT_VARIABLE listing ERROR_VARIABLE errors RESULT_VARIABLE status)
    if(NOT status EQUAL 0 OR NOT listing MATCHES "libQt6Core")
        message(FATAL_ERROR "ldd ${binary} failed (${status}): ${errors}${listing}")
    endif()
    set(found "")
    foreach(library IN LISTS forbidden_libraries)
        if(listing MATCHES "${library}[.]so")
            list(APPEND found ${library})
        endif()
    endforeach()
    set(${out} "${found}" PARENT_SCOPE)
endfunction()

# Sets `out` to "file:line: text" for every forbidden include (and Gui link) under `dir`.
function(gui_includes_in dir out)
    cpp_sources_under("${dir}" "" sources)
    lines_matching("${sources}" "${include_pattern}" included)
    file(GLOB_RECURSE build_files "${dir}/CMakeLists.txt" "${dir}/*.cmake")
    lines_matching("${build_files}" "Qt6?::(Gui|Widgets|OpenGL|Charts|PrintSupport|Svg)" linked)
    set(${out} ${included} ${linked} PARENT_SCOPE)
endfunction()

# First prove each check can fail, so a pass below means something.
gui_libraries_of("${GUI_LIBRARY}" self_check_libraries)
if(NOT self_check_libraries MATCHES "libQt6Gui")
    message(FATAL_ERROR "the link check is broken: it finds no Qt Gui in ${GUI_LIBRARY}")
endif()
file(REMOVE_RECURSE "${SCRATCH_DIR}")
file(WRITE "${SCRATCH_DIR}/clean.cpp" "#include <QCoreApplication>\n#include <QtCore/QString>\n")
file(WRITE "${SCRATCH_DIR}/widget.h" "#pragma once\n#include <QWidget>\n")
file(WRITE "${SCRATCH_DIR}/gui.cpp" "#  include <QtGui/QColor>\n#include \"QImage\"\n")
file(WRITE "${SCRATCH_DIR}/CMakeLists.txt" "target_link_libraries(x PUBLIC Qt6::Gui)\n")
gui_includes_in("${SCRATCH_DIR}" self_check_includes)
list(LENGTH self_check_includes self_check_count)
if(NOT self_check_count EQUAL 4)
    message(FATAL_ERROR "the include check is broken: expected 4 hits in ${SCRATCH_DIR}, got: ${self_check_includes}")
endif()
file(REMOVE_RECURSE "${SCRATCH_DIR}")

# The checks themselves.
gui_libraries_of("${EXECUTABLE}" linked)
gui_includes_in("${CORE_DIR}" included)
if(linked)
    message(SEND_ERROR "${EXECUTABLE} loads ${linked}: core must not link Qt Gui or Widgets")
endif()
foreach(hit IN LISTS included)
    message(SEND_ERROR "core uses Qt Gui or Widgets: ${hit}")
endforeach()
if(linked OR included)
    message(FATAL_ERROR "core crosses the Gui boundary")
endif()
message(STATUS "core is free of Qt Gui and Widgets: ${EXECUTABLE} and ${CORE_DIR} checked")
