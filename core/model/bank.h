// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mapping.h"
#include "preset.h"

#include <QList>
#include <QString>

#include <optional>
#include <vector>

namespace neurorack {

/// Up to 128 preset slots (empty ones allowed), the CV/gate mapping, and the two
/// presets that gate 2 morphs between. Preset ids are unique within a bank.
class Bank
{
public:
    static constexpr int kSlotCount = 128;

    /// The two slots that the morph plays between.
    struct MorphPair {
        int a = 0;
        int b = 1;
        friend bool operator==(const MorphPair &, const MorphPair &) = default;
    };

    Bank();

    QString id() const { return m_id; }
    void setId(const QString &id) { m_id = id; }
    QString name() const { return m_name; }
    void setName(const QString &name) { m_name = name; }
    QString description() const { return m_description; }
    void setDescription(const QString &description) { m_description = description; }
    const Mapping &mapping() const { return m_mapping; }
    void setMapping(const Mapping &mapping) { m_mapping = mapping; }

    /// The preset in @p slot (0..127), or nullptr when the slot is empty.
    const Preset *preset(int slot) const;
    /// Puts @p preset in @p slot, replacing what was there.
    void setPreset(int slot, const Preset &preset);
    void clearSlot(int slot);
    /// Slot numbers that hold a preset, ascending.
    QList<int> filledSlots() const;
    int presetCount() const;
    /// One past the last filled slot (0 for an empty bank).
    int usedSlotCount() const;
    /// Slot of the preset with this id, or −1.
    int slotOf(QStringView presetId) const;
    /// The first empty slot, or −1 when the bank is full.
    int firstEmptySlot() const;
    /// An id based on @p base that no preset in the bank uses yet.
    QString uniquePresetId(const QString &base) const;

    /// The explicit morph pair, if one was set.
    std::optional<MorphPair> explicitMorphPair() const { return m_morph; }
    void setMorphPair(std::optional<MorphPair> pair) { m_morph = pair; }
    /// The morph pair to play: the explicit one, else the first two filled slots
    /// (the same slot twice when only one is filled); nullopt for an empty bank.
    std::optional<MorphPair> morphPair() const;

    friend bool operator==(const Bank &, const Bank &) = default;

private:
    QString m_id;
    QString m_name;
    QString m_description;
    Mapping m_mapping;
    std::optional<MorphPair> m_morph;
    std::vector<std::optional<Preset>> m_slots;
};

} // namespace neurorack
