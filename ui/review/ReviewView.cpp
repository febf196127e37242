#include "ReviewView.h"

#include "ChangeListModel.h"
#include "DiffTreeModel.h"
#include "OverviewRuler.h"
#include "UiTr.h"
#include "WordDiffDelegate.h"
#include "jobs/JobRunner.h"
#include "json/JsonParser.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QTableView>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

QColor markColor(const diff::DiffNode &node)
{
    switch (node.kind) {
    case diff::DiffNode::Kind::Added: return QColor(0x2e, 0x9e, 0x5b);
    case diff::DiffNode::Kind::Removed: return QColor(0xc5, 0x30, 0x30);
    case diff::DiffNode::Kind::Moved: return QColor(0x3a, 0x6f, 0xd8);
    default: return QColor(0xd8, 0x9b, 0x00);
    }
}

// Rows expanded up front; beyond this the reviewer expands by hand.
constexpr int kAutoExpandLimit = 400;

// About the length of the compact JSON text (escapes aside), which the diff's cost
// grows with, counted without writing the text.
qsizetype textSize(const json::Node &node)
{
    switch (node.kind()) {
    case json::Node::Kind::Null: return 4;
    case json::Node::Kind::Bool: return node.toBool() ? 4 : 5;
    case json::Node::Kind::Number: return node.text().size();
    case json::Node::Kind::String: return node.text().size() + 2;
    case json::Node::Kind::Array: {
        qsizetype size = 2;
        for (const json::Node &item : node.items())
            size += textSize(item) + 1;
        return size;
    }
    case json::Node::Kind::Object: {
        qsizetype size = 2;
        for (const auto &[key, value] : node.members())
            size += key.size() + 4 + textSize(value);
        return size;
    }
    }
    return 0;
}

} // namespace

ReviewView::ReviewView(QWidget *parent)
    : QWidget(parent),
      m_treeModel(new DiffTreeModel(this)),
      m_listModel(new ChangeListModel(this)),
      m_countsLabel(new QLabel(this)),
      m_statusLabel(new QLabel(this)),
      m_breadcrumbLabel(new QLabel(this)),
      m_changesOnlyCheck(new QCheckBox(UiTr::tr("C&hanges only"), this)),
      m_listCheck(new QCheckBox(UiTr::tr("Change &list"), this)),
      m_previousButton(new QToolButton(this)),
      m_nextButton(new QToolButton(this)),
      m_copyButton(new QToolButton(this)),
      m_stack(new QStackedWidget(this)),
      m_treeView(new QTreeView(this)),
      m_listView(new QTableView(this)),
      m_ruler(new OverviewRuler(this)),
      m_inspector(new QTextBrowser(this)),
      m_runner(new jobs::JobRunner(u"diff"_s, this))
{
    setObjectName(u"reviewView"_s);
    m_countsLabel->setObjectName(u"diffCountsLabel"_s);
    m_statusLabel->setObjectName(u"diffStatusLabel"_s);
    m_breadcrumbLabel->setObjectName(u"breadcrumbLabel"_s);
    m_changesOnlyCheck->setObjectName(u"changesOnlyCheckBox"_s);
    m_listCheck->setObjectName(u"changeListCheckBox"_s);
    m_previousButton->setObjectName(u"previousChangeButton"_s);
    m_nextButton->setObjectName(u"nextChangeButton"_s);
    m_copyButton->setObjectName(u"copyPointerButton"_s);
    m_treeView->setObjectName(u"diffTreeView"_s);
    m_inspector->setObjectName(u"valueInspector"_s);
    m_inspector->setPlaceholderText(UiTr::tr("Select a row to see both values in full."));
    m_inspector->setOpenLinks(false);
    m_listView->setObjectName(u"changeListView"_s);

    m_previousButton->setText(UiTr::tr("▲ Previous"));
    m_previousButton->setToolTip(UiTr::tr("Previous change (P)"));
    m_nextButton->setText(UiTr::tr("▼ Next"));
    m_nextButton->setToolTip(UiTr::tr("Next change (N)"));
    m_copyButton->setText(UiTr::tr("Copy pointer"));
    m_copyButton->setToolTip(UiTr::tr("Copy the JSON Pointer of the selected row (Ctrl+C)"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->hide();
    m_breadcrumbLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_breadcrumbLabel->setStyleSheet(u"color: palette(mid);"_s);

    m_treeView->setModel(m_treeModel);
    m_treeView->setUniformRowHeights(true); // the view never measures rows it does not show
    m_treeView->setAlternatingRowColors(false);
    m_treeView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_treeView->setItemDelegateForColumn(DiffTreeModel::AfterColumn, new WordDiffDelegate(m_treeView));
    QHeaderView *header = m_treeView->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(DiffTreeModel::MarkColumn, QHeaderView::Fixed);
    header->setSectionResizeMode(DiffTreeModel::KeyColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(DiffTreeModel::BeforeColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(DiffTreeModel::AfterColumn, QHeaderView::Stretch);
    header->resizeSection(DiffTreeModel::MarkColumn, 40);
    header->resizeSection(DiffTreeModel::KeyColumn, 150);
    m_treeView->setTextElideMode(Qt::ElideRight);
    m_treeView->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_listView->setModel(m_listModel);
    m_listView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_listView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_listView->verticalHeader()->hide();
    m_listView->horizontalHeader()->setStretchLastSection(true);
    m_listView->setColumnWidth(ChangeListModel::MarkColumn, 28);
    m_listView->setColumnWidth(ChangeListModel::PathColumn, 220);
    m_listView->setColumnWidth(ChangeListModel::BeforeColumn, 200);
    m_listView->setContextMenuPolicy(Qt::ActionsContextMenu);

    auto *copyAction = new QAction(UiTr::tr("Copy JSON Pointer"), this);
    copyAction->setObjectName(u"copyPointerAction"_s);
    copyAction->setShortcut(QKeySequence::Copy);
    copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copyAction, &QAction::triggered, this, &ReviewView::copyCurrentPointer);
    m_treeView->addAction(copyAction);
    m_listView->addAction(copyAction);
    addAction(copyAction);

    // Single letters as shortcuts: text fields claim typed letters first, so these
    // never steal from the search box or a reason.
    auto *next = new QShortcut(QKeySequence(Qt::Key_N), this, this, &ReviewView::nextChange, Qt::WindowShortcut);
    auto *previous =
        new QShortcut(QKeySequence(Qt::Key_P), this, this, &ReviewView::previousChange, Qt::WindowShortcut);
    next->setObjectName(u"nextChangeShortcut"_s);
    previous->setObjectName(u"previousChangeShortcut"_s);
    connect(m_nextButton, &QToolButton::clicked, this, &ReviewView::nextChange);
    connect(m_previousButton, &QToolButton::clicked, this, &ReviewView::previousChange);
    connect(m_copyButton, &QToolButton::clicked, this, &ReviewView::copyCurrentPointer);
    connect(m_ruler, &OverviewRuler::markClicked, this, &ReviewView::selectChange);
    connect(m_changesOnlyCheck, &QCheckBox::toggled, this, [this](bool on) {
        const diff::DiffNode *current = m_treeModel->nodeAt(m_treeView->currentIndex());
        m_treeModel->setChangesOnly(on);
        expandChanges();
        if (current)
            m_treeView->setCurrentIndex(m_treeModel->indexOf(current));
    });
    connect(m_listCheck, &QCheckBox::toggled, this, [this](bool on) {
        m_stack->setCurrentWidget(on ? static_cast<QWidget *>(m_listView) : m_treeView);
        if (m_currentChange >= 0)
            selectChange(m_currentChange);
    });
    connect(m_treeView->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        updateBreadcrumb();
        m_ruler->setCurrent(currentChangeIndex());
    });
    connect(m_listView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                m_currentChange = current.row();
                m_ruler->setCurrent(m_currentChange);
                updateBreadcrumb();
            });

    m_stack->addWidget(m_treeView);
    m_stack->addWidget(m_listView);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_previousButton);
    bar->addWidget(m_nextButton);
    bar->addWidget(m_copyButton);
    bar->addWidget(m_changesOnlyCheck);
    bar->addWidget(m_listCheck);
    bar->addStretch(1);
    auto *diffArea = new QWidget(this);
    auto *body = new QHBoxLayout(diffArea);
    body->setContentsMargins(0, 0, 0, 0);
    body->setSpacing(2);
    body->addWidget(m_stack, 1);
    body->addWidget(m_ruler);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(diffArea);
    split->addWidget(m_inspector);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_countsLabel);
    layout->addLayout(bar);
    layout->addWidget(m_statusLabel);
    layout->addWidget(m_breadcrumbLabel);
    layout->addWidget(split, 1);

    clear();
}

ReviewView::~ReviewView()
{
    m_runner->shutdown(); // the running diff ends before the models it would fill
}

bool ReviewView::isComputing() const
{
    return m_runner->isBusy();
}

const diff::DiffResult *ReviewView::result() const
{
    return m_treeModel->result();
}

void ReviewView::clear()
{
    m_runner->discardAll();
    m_changes.clear();
    m_currentChange = -1;
    m_treeModel->setResult(nullptr, {});
    m_listModel->setChanges({});
    m_ruler->setMarks({});
    m_countsLabel->clear();
    m_breadcrumbLabel->clear();
    m_inspector->clear();
    m_statusLabel->hide();
}

void ReviewView::showChange(const std::optional<json::Node> &currentState, const json::Node &payload,
                            const diff::DiffOptions &options)
{
    clear(); // a diff still being computed for the previous change is stale now
    const diff::ReviewDocuments documents = diff::reviewDocuments(currentState, payload);
    const qsizetype size = (currentState ? textSize(*currentState) : 0) + textSize(payload);
    // The documents share their trees with the caller's copies (implicitly shared, never
    // changed): the worker reads them while the GUI thread goes on.
    const auto work = [documents, options] { return Result<DiffComputation>(DiffJob::run(documents, options)); };
    const auto done = [this](const Result<DiffComputation> &computed) {
        if (computed)
            present(computed.value());
        else
            present(DiffComputation{nullptr, {}, computed.error().text()});
    };
    if (size < kBackgroundThreshold) {
        done(jobs::runHere(work));
        return;
    }
    m_statusLabel->setText(UiTr::tr("Comparing %1 of JSON…").arg(QLocale().formattedDataSize(size)));
    m_statusLabel->show();
    m_runner->start([work](jobs::JobContext &) { return work(); }, done);
}

void ReviewView::present(const DiffComputation &computation)
{
    if (!computation.error.isEmpty() || !computation.result) {
        m_statusLabel->setText(UiTr::tr("This change cannot be shown: %1").arg(computation.error));
        m_statusLabel->show();
        return;
    }
    const diff::DiffResult &result = *computation.result;
    m_treeModel->setResult(computation.result, computation.parents);
    m_changes = result.changes();
    m_changes.removeAll(&result.root); // a create marks the whole document; navigate its members
    m_listModel->setChanges(m_changes);

    const diff::DiffCounts counts = result.counts;
    m_countsLabel->setText(UiTr::tr("+ %1 added   - %2 removed   ~ %3 changed   > %4 moved")
                               .arg(counts.added)
                               .arg(counts.removed)
                               .arg(counts.changed)
                               .arg(counts.moved));
    if (result.approximate) {
        m_statusLabel->setText(UiTr::tr("⚠ Approximate: %1").arg(result.approximateReason));
        m_statusLabel->show();
    } else {
        m_statusLabel->hide();
    }

    // Ruler marks at each change's place among all rows in document order.
    QHash<const diff::DiffNode *, int> order;
    int position = 0;
    QList<const diff::DiffNode *> pending{&result.root};
    while (!pending.isEmpty()) {
        const diff::DiffNode *node = pending.takeLast();
        order.insert(node, position++);
        for (auto it = node->children.crbegin(); it != node->children.crend(); ++it)
            pending.append(&*it);
    }
    QList<OverviewRuler::Mark> marks;
    for (const diff::DiffNode *change : std::as_const(m_changes))
        marks.append({double(order.value(change)) / std::max(1, position - 1), markColor(*change)});
    m_ruler->setMarks(marks);
    expandChanges();
    Q_EMIT resultShown();
}

void ReviewView::expandChanges()
{
    // Changed branches open, unchanged subtrees stay collapsed under their parent key.
    int expanded = 0;
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        const int rows = m_treeModel->rowCount(parent);
        for (int row = 0; row < rows && expanded < kAutoExpandLimit; ++row) {
            const QModelIndex index = m_treeModel->index(row, 0, parent);
            if (index.data(DiffTreeModel::ContainsChangesRole).toBool() && m_treeModel->rowCount(index) > 0) {
                m_treeView->expand(index);
                ++expanded;
                walk(index);
            }
        }
    };
    walk({});
}

int ReviewView::currentChangeIndex() const
{
    if (m_listCheck->isChecked())
        return m_listView->currentIndex().row();
    const diff::DiffNode *node = m_treeModel->nodeAt(m_treeView->currentIndex());
    return node ? int(m_changes.indexOf(node)) : m_currentChange;
}

void ReviewView::nextChange()
{
    if (!m_changes.isEmpty())
        selectChange(std::min<int>(int(m_changes.size()) - 1, m_currentChange + 1));
}

void ReviewView::previousChange()
{
    if (!m_changes.isEmpty())
        selectChange(std::max(0, m_currentChange - 1));
}

void ReviewView::selectChange(int changeIndex)
{
    if (changeIndex < 0 || changeIndex >= m_changes.size())
        return;
    m_currentChange = changeIndex;
    const diff::DiffNode *node = m_changes.at(changeIndex);
    if (m_listCheck->isChecked()) {
        const QModelIndex index = m_listModel->index(changeIndex, ChangeListModel::PathColumn);
        m_listView->setCurrentIndex(index);
        m_listView->scrollTo(index);
    } else {
        const QModelIndex index = m_treeModel->indexOf(node);
        for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent())
            m_treeView->expand(parent);
        m_treeView->setCurrentIndex(index);
        m_treeView->scrollTo(index);
    }
    m_ruler->setCurrent(changeIndex);
    updateBreadcrumb();
}

void ReviewView::updateBreadcrumb()
{
    const diff::DiffNode *node = m_listCheck->isChecked() ? m_listModel->nodeAt(m_listView->currentIndex().row())
                                                          : m_treeModel->nodeAt(m_treeView->currentIndex());
    updateInspector(node);
    if (!node) {
        m_breadcrumbLabel->clear();
        return;
    }
    if (const int change = int(m_changes.indexOf(node)); change >= 0)
        m_currentChange = change;
    QStringList keys;
    for (QModelIndex index = m_treeModel->indexOf(node); index.isValid(); index = index.parent())
        keys.prepend(m_treeModel->nodeAt(index)->key);
    m_breadcrumbLabel->setText(UiTr::tr("%1   ·   %2 — %3")
                                   .arg(keys.join(u" › "_s), node->path.isEmpty() ? u"/"_s : node->path,
                                        changeDescription(*node)));
}

void ReviewView::updateInspector(const diff::DiffNode *node)
{
    if (!node) {
        m_inspector->clear();
        return;
    }
    auto full = [](const json::Node *value) {
        if (!value)
            return UiTr::tr("(absent)").toHtmlEscaped();
        const QByteArray text = value->isString() ? value->text().toUtf8() : json::serialize(*value, true);
        constexpr qsizetype limit = 20000; // a huge subtree is summarised, not rendered
        const QString shown = QString::fromUtf8(text.left(limit)) + (text.size() > limit ? u"\n…"_s : QString());
        return shown.toHtmlEscaped();
    };
    QString after = full(node->after);
    if (!node->words.isEmpty()) {
        after.clear();
        for (const diff::WordEdit &edit : node->words) {
            const QString text = edit.text.toHtmlEscaped();
            if (edit.kind == diff::WordEdit::Kind::Deleted)
                after += u"<del style=\"background:#f7c6c6\">"_s + text + u"</del>"_s;
            else if (edit.kind == diff::WordEdit::Kind::Inserted)
                after += u"<ins style=\"background:#bfeccb\">"_s + text + u"</ins>"_s;
            else
                after += text;
        }
    }
    m_inspector->setHtml(u"<p><b>%1</b> &nbsp; <code>%2</code></p>"
                         u"<p><b>%3</b><br><span style=\"white-space:pre-wrap\">%4</span></p>"
                         u"<p><b>%5</b><br><span style=\"white-space:pre-wrap\">%6</span></p>"_s
                             .arg(changeDescription(*node).toHtmlEscaped(),
                                  (node->path.isEmpty() ? u"/"_s : node->path).toHtmlEscaped(),
                                  UiTr::tr("Current state"), full(node->before), UiTr::tr("Requested"), after));
}

void ReviewView::copyCurrentPointer()
{
    const diff::DiffNode *node = m_listCheck->isChecked() ? m_listModel->nodeAt(m_listView->currentIndex().row())
                                                          : m_treeModel->nodeAt(m_treeView->currentIndex());
    if (node)
        QApplication::clipboard()->setText(node->path);
}

} // namespace steward
