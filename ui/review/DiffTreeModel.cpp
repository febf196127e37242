#include "DiffTreeModel.h"

#include "UiTr.h"
#include "json/JsonParser.h"

#include <QColor>
#include <QFont>

using namespace Qt::StringLiterals;

namespace steward {

using diff::DiffNode;

QString changeSymbol(const DiffNode &node)
{
    switch (node.kind) {
    case DiffNode::Kind::Added: return u"+"_s;
    case DiffNode::Kind::Removed: return u"-"_s;
    case DiffNode::Kind::Changed:
    case DiffNode::Kind::TypeChanged: return u"~"_s;
    case DiffNode::Kind::Moved: return u">"_s;
    case DiffNode::Kind::Unchanged: return node.formattingOnly ? u"≈"_s : QString();
    }
    return {};
}

QString changeDescription(const DiffNode &node)
{
    switch (node.kind) {
    case DiffNode::Kind::Added: return UiTr::tr("Added");
    case DiffNode::Kind::Removed: return UiTr::tr("Removed");
    case DiffNode::Kind::Changed: return UiTr::tr("Changed");
    case DiffNode::Kind::TypeChanged: return UiTr::tr("Type changed");
    case DiffNode::Kind::Moved: return UiTr::tr("Moved from %1").arg(node.fromPath);
    case DiffNode::Kind::Unchanged:
        return node.formattingOnly ? UiTr::tr("Same value, written differently") : UiTr::tr("Unchanged");
    }
    return {};
}

QString valueSummary(const json::Node *value)
{
    if (!value)
        return {};
    switch (value->kind()) {
    case json::Node::Kind::Object: return UiTr::tr("{%n member(s)}", nullptr, int(value->size()));
    case json::Node::Kind::Array: return UiTr::tr("[%n item(s)]", nullptr, int(value->size()));
    case json::Node::Kind::String: return value->text();
    default: return QString::fromUtf8(json::serialize(*value));
    }
}

DiffTreeModel::DiffTreeModel(QObject *parent) : QAbstractItemModel(parent) {}

DiffTreeModel::ParentMap buildParentMap(const DiffNode &root)
{
    DiffTreeModel::ParentMap parents;
    QList<const DiffNode *> pending{&root};
    while (!pending.isEmpty()) {
        const DiffNode *node = pending.takeLast();
        for (const DiffNode &child : node->children) {
            parents.insert(&child, node);
            pending.append(&child);
        }
    }
    return parents;
}

void DiffTreeModel::setResult(std::shared_ptr<const diff::DiffResult> result, ParentMap parents)
{
    beginResetModel();
    m_result = std::move(result);
    m_parents = std::move(parents);
    m_children.clear();
    endResetModel();
}

void DiffTreeModel::setChangesOnly(bool changesOnly)
{
    if (changesOnly == m_changesOnly)
        return;
    beginResetModel();
    m_changesOnly = changesOnly;
    m_children.clear();
    endResetModel();
}

const QList<const DiffNode *> &DiffTreeModel::visibleChildren(const DiffNode *node) const
{
    auto it = m_children.constFind(node);
    if (it != m_children.constEnd())
        return *it;
    QList<const DiffNode *> children;
    children.reserve(node->children.size());
    for (const DiffNode &child : node->children) {
        if (!m_changesOnly || child.containsChanges || child.kind != DiffNode::Kind::Unchanged)
            children.append(&child);
    }
    return *m_children.insert(node, children);
}

const DiffNode *DiffTreeModel::nodeAt(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<const DiffNode *>(index.internalPointer()) : nullptr;
}

QModelIndex DiffTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!m_result || row < 0 || column < 0 || column >= ColumnCount)
        return {};
    const DiffNode *parentNode = parent.isValid() ? nodeAt(parent) : &m_result->root;
    const auto &children = visibleChildren(parentNode);
    if (row >= children.size())
        return {};
    return createIndex(row, column, const_cast<DiffNode *>(children.at(row)));
}

QModelIndex DiffTreeModel::parent(const QModelIndex &child) const
{
    const DiffNode *node = nodeAt(child);
    if (!node || !m_result)
        return {};
    const DiffNode *parentNode = m_parents.value(node);
    if (!parentNode || parentNode == &m_result->root)
        return {};
    const DiffNode *grandParent = m_parents.value(parentNode, &m_result->root);
    const int row = int(visibleChildren(grandParent).indexOf(parentNode));
    return row < 0 ? QModelIndex() : createIndex(row, 0, const_cast<DiffNode *>(parentNode));
}

QModelIndex DiffTreeModel::indexOf(const DiffNode *node) const
{
    if (!m_result || !node || node == &m_result->root)
        return {};
    QList<const DiffNode *> chain; // node up to (excluding) the root
    for (const DiffNode *step = node; step && step != &m_result->root; step = m_parents.value(step))
        chain.prepend(step);
    QModelIndex current;
    for (const DiffNode *step : std::as_const(chain)) {
        const DiffNode *parentNode = current.isValid() ? nodeAt(current) : &m_result->root;
        const int row = int(visibleChildren(parentNode).indexOf(step));
        if (row < 0)
            return {}; // hidden by "changes only"
        current = index(row, 0, current);
    }
    return current;
}

int DiffTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!m_result || parent.column() > 0)
        return 0;
    const DiffNode *node = parent.isValid() ? nodeAt(parent) : &m_result->root;
    return int(visibleChildren(node).size());
}

int DiffTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant DiffTreeModel::data(const QModelIndex &index, int role) const
{
    const DiffNode *node = nodeAt(index);
    if (!node)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case MarkColumn: return changeSymbol(*node);
        case KeyColumn: return node->key;
        case BeforeColumn: return valueSummary(node->before);
        case AfterColumn: return valueSummary(node->after);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == BeforeColumn && node->before && !node->before->isContainer())
            return valueSummary(node->before);
        if (index.column() == AfterColumn && node->after && !node->after->isContainer())
            return valueSummary(node->after);
        return u"%1\n%2"_s.arg(changeDescription(*node), node->path.isEmpty() ? u"/"_s : node->path);
    case Qt::AccessibleDescriptionRole: return changeDescription(*node);
    case Qt::BackgroundRole:
        switch (node->kind) {
        case DiffNode::Kind::Added: return QColor(0xd7, 0xf5, 0xdd);
        case DiffNode::Kind::Removed: return QColor(0xfb, 0xdc, 0xdc);
        case DiffNode::Kind::Changed:
        case DiffNode::Kind::TypeChanged: return QColor(0xfd, 0xf0, 0xc8);
        case DiffNode::Kind::Moved: return QColor(0xde, 0xe8, 0xfb);
        case DiffNode::Kind::Unchanged: return node->formattingOnly ? QVariant(QColor(0xee, 0xee, 0xf4)) : QVariant();
        }
        return {};
    case Qt::ForegroundRole:
        return node->kind == DiffNode::Kind::Unchanged && !node->containsChanges ? QVariant(QColor(0x60, 0x60, 0x60))
                                                                                  : QVariant();
    case Qt::FontRole:
        if (index.column() == MarkColumn) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole: return index.column() == MarkColumn ? QVariant(Qt::AlignCenter) : QVariant();
    case PathRole: return node->path;
    case KindRole: return int(node->kind);
    case ContainsChangesRole: return node->containsChanges;
    case FormattingOnlyRole: return node->formattingOnly;
    }
    return {};
}

QVariant DiffTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case MarkColumn: return QString();
    case KeyColumn: return UiTr::tr("Field");
    case BeforeColumn: return UiTr::tr("Current state");
    case AfterColumn: return UiTr::tr("Requested");
    }
    return {};
}

} // namespace steward
