// SPDX-License-Identifier: GPL-3.0-or-later
#include "bankdocument.h"

#include "io/documentfile.h"

#include <QCborMap>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QUndoCommand>
#include <QUndoStack>

Q_LOGGING_CATEGORY(lcDocument, "neurorack.studio.document", QtInfoMsg)

namespace neurorack::studio {

namespace {

using SlotStates = std::vector<std::pair<int, std::optional<Preset>>>;

/// Ids of merged commands start here so that they never meet QUndoCommand's −1.
constexpr int kMergeBase = 1000;

/// Changes a set of slots: before and after states of each.
class SlotsCommand : public QUndoCommand
{
public:
    SlotsCommand(BankDocument *document, SlotStates before, SlotStates after, const QString &text, int mergeId)
        : QUndoCommand(text)
        , m_document(document)
        , m_before(std::move(before))
        , m_after(std::move(after))
        , m_mergeId(mergeId)
    {
    }
    void undo() override { m_document->applySlots(m_before); }
    void redo() override { m_document->applySlots(m_after); }
    int id() const override { return m_mergeId < 0 ? -1 : kMergeBase + m_mergeId; }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = static_cast<const SlotsCommand *>(other);
        if (next->m_mergeId != m_mergeId || next->m_after.size() != 1 || m_after.size() != 1
            || next->m_after.front().first != m_after.front().first)
            return false;
        m_after = next->m_after;
        return true;
    }

private:
    BankDocument *m_document;
    SlotStates m_before;
    SlotStates m_after;
    int m_mergeId;
};

/// Swaps a value of the bank for another (the mapping, the name, the morph pair).
template<typename T, void (BankDocument::*Apply)(T)>
class ValueCommand : public QUndoCommand
{
public:
    using Value = std::decay_t<T>;
    ValueCommand(BankDocument *document, Value before, Value after, const QString &text, int mergeId)
        : QUndoCommand(text)
        , m_document(document)
        , m_before(std::move(before))
        , m_after(std::move(after))
        , m_mergeId(mergeId)
    {
    }
    void undo() override { (m_document->*Apply)(m_before); }
    void redo() override { (m_document->*Apply)(m_after); }
    int id() const override { return m_mergeId < 0 ? -1 : kMergeBase + m_mergeId; }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = dynamic_cast<const ValueCommand *>(other);
        if (!next || next->m_mergeId != m_mergeId)
            return false;
        m_after = next->m_after;
        return true;
    }

private:
    BankDocument *m_document;
    Value m_before;
    Value m_after;
    int m_mergeId;
};

using MappingCommand = ValueCommand<const Mapping &, &BankDocument::applyMapping>;
using NameCommand = ValueCommand<const QString &, &BankDocument::applyName>;
using MorphCommand = ValueCommand<std::optional<Bank::MorphPair>, &BankDocument::applyMorphPair>;

std::optional<Preset> slotState(const Bank &bank, int slot)
{
    const Preset *p = bank.preset(slot);
    return p ? std::optional<Preset>(*p) : std::nullopt;
}

QString sidecarPath(const QString &autosavePath)
{
    return autosavePath + QStringLiteral(".path");
}

} // namespace

BankDocument::BankDocument(QObject *parent)
    : QObject(parent)
    , m_undo(new QUndoStack(this))
    , m_autosavePath(defaultAutosavePath())
{
    m_autosaveTimer.setSingleShot(true);
    m_autosaveTimer.setInterval(kAutosaveDelay);
    connect(&m_autosaveTimer, &QTimer::timeout, this, &BankDocument::autosaveNow);
    connect(m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) { Q_EMIT modifiedChanged(!clean); });
    connect(m_undo, &QUndoStack::indexChanged, this, [this] {
        if (m_undo->isClean())
            removeOwnAutosave();
        else if (!m_autosavePath.isEmpty())
            m_autosaveTimer.start();
    });
}

BankDocument::~BankDocument() = default;

bool BankDocument::isModified() const
{
    return !m_undo->isClean();
}

void BankDocument::reset(const Bank &bank, const QString &path)
{
    m_bank = bank;
    m_path = path;
    m_undo->clear();
    m_undo->setClean();
    removeOwnAutosave();
    Q_EMIT bankReset();
    Q_EMIT pathChanged(m_path);
    Q_EMIT modifiedChanged(false);
}

QString BankDocument::load(const QString &path)
{
    auto bank = DocumentFile::loadBank(path);
    if (!bank)
        return bank.errorString();
    reset(*bank, path);
    return {};
}

QString BankDocument::save(const QString &path)
{
    const QString error = DocumentFile::saveBank(path, m_bank);
    if (!error.isEmpty())
        return error;
    m_path = path;
    m_undo->setClean();
    removeOwnAutosave();
    Q_EMIT pathChanged(m_path);
    return {};
}

void BankDocument::setPreset(int slot, const Preset &preset, const QString &text, int mergeId)
{
    Preset after = preset;
    // Ids are unique within a bank: an edit that takes another slot's id gets a new one.
    const int owner = m_bank.slotOf(after.id);
    if (owner >= 0 && owner != slot) {
        Bank others = m_bank;
        others.clearSlot(slot);
        after.id = others.uniquePresetId(limits::isValidId(after.id) ? after.id : limits::idFromName(after.name));
    }
    m_undo->push(new SlotsCommand(this, {{slot, slotState(m_bank, slot)}}, {{slot, after}}, text, mergeId));
}

void BankDocument::clearSlot(int slot, const QString &text)
{
    if (!m_bank.preset(slot))
        return;
    m_undo->push(new SlotsCommand(this, {{slot, slotState(m_bank, slot)}}, {{slot, std::nullopt}}, text, -1));
}

void BankDocument::movePreset(int from, int to)
{
    if (from == to || !m_bank.preset(from) || to < 0 || to >= Bank::kSlotCount)
        return;
    const auto a = slotState(m_bank, from);
    const auto b = slotState(m_bank, to);
    const QString text = b ? tr("Swap slots %1 and %2").arg(from).arg(to) : tr("Move preset to slot %1").arg(to);
    m_undo->push(new SlotsCommand(this, {{from, a}, {to, b}}, {{from, b}, {to, a}}, text, -1));
}

void BankDocument::pastePreset(int slot, Preset preset)
{
    Bank others = m_bank;
    others.clearSlot(slot);
    if (others.slotOf(preset.id) >= 0 || !limits::isValidId(preset.id))
        preset.id = others.uniquePresetId(limits::idFromName(preset.name));
    m_undo->push(new SlotsCommand(this, {{slot, slotState(m_bank, slot)}}, {{slot, preset}},
                                  tr("Paste “%1”").arg(preset.name), -1));
}

void BankDocument::setMapping(const Mapping &mapping, const QString &text, int mergeId)
{
    if (mapping == m_bank.mapping())
        return;
    m_undo->push(new MappingCommand(this, m_bank.mapping(), mapping, text, mergeId));
}

void BankDocument::setBankName(const QString &name)
{
    if (name == m_bank.name())
        return;
    m_undo->push(new NameCommand(this, m_bank.name(), name, tr("Rename bank"), -1));
}

void BankDocument::setMorphPair(std::optional<Bank::MorphPair> pair)
{
    if (pair == m_bank.explicitMorphPair())
        return;
    m_undo->push(new MorphCommand(this, m_bank.explicitMorphPair(), pair, tr("Set morph pair"), -1));
}

void BankDocument::applySlots(const SlotStates &slotStates)
{
    for (const auto &[slot, preset] : slotStates) {
        if (preset)
            m_bank.setPreset(slot, *preset);
        else
            m_bank.clearSlot(slot);
    }
    for (const auto &state : slotStates)
        Q_EMIT slotChanged(state.first);
}

void BankDocument::applyMapping(const Mapping &mapping)
{
    m_bank.setMapping(mapping);
    Q_EMIT mappingChanged();
}

void BankDocument::applyName(const QString &name)
{
    m_bank.setName(name);
    Q_EMIT infoChanged();
}

void BankDocument::applyMorphPair(std::optional<Bank::MorphPair> pair)
{
    m_bank.setMorphPair(pair);
    Q_EMIT infoChanged();
}

void BankDocument::setAutosavePath(const QString &path)
{
    removeOwnAutosave();
    m_autosavePath = path;
}

QString BankDocument::defaultAutosavePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/autosave.json");
}

void BankDocument::autosaveNow()
{
    m_autosaveTimer.stop();
    if (m_autosavePath.isEmpty() || !isModified())
        return;
    QDir().mkpath(QFileInfo(m_autosavePath).absolutePath());
    QString error = DocumentFile::saveBank(m_autosavePath, m_bank);
    if (error.isEmpty())
        error = DocumentFile::writeFileAtomically(sidecarPath(m_autosavePath), m_path.toUtf8());
    if (!error.isEmpty())
        qCWarning(lcDocument).noquote() << "autosave failed:" << error;
    else
        m_autosaveWritten = true;
}

void BankDocument::removeOwnAutosave()
{
    m_autosaveTimer.stop();
    if (m_autosaveWritten)
        discardAutosave();
}

void BankDocument::discardAutosave()
{
    m_autosaveTimer.stop();
    m_autosaveWritten = false;
    if (m_autosavePath.isEmpty())
        return;
    QFile::remove(m_autosavePath);
    QFile::remove(sidecarPath(m_autosavePath));
}

std::optional<BankDocument::Recovery> BankDocument::findRecovery(const QString &autosavePath)
{
    if (autosavePath.isEmpty() || !QFileInfo::exists(autosavePath))
        return std::nullopt;
    auto bank = DocumentFile::loadBank(autosavePath);
    if (!bank) {
        qCWarning(lcDocument).noquote() << "ignoring a damaged autosave:" << bank.errorString();
        return std::nullopt;
    }
    QFile sidecar(sidecarPath(autosavePath));
    QString original;
    if (sidecar.open(QIODevice::ReadOnly))
        original = QString::fromUtf8(sidecar.readAll());
    return Recovery{*bank, original};
}

} // namespace neurorack::studio
