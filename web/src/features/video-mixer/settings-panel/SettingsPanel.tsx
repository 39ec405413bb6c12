import { Info } from "lucide-react";
import { useTranslation } from "react-i18next";
import {
  ASPECT_RATIOS,
  BITRATES,
  DURATION_FITS,
  FIXED_DURATION_MAX,
  FIXED_DURATION_MIN,
  FPS_OPTIONS,
  METADATA_SOURCES,
  RESOLUTIONS,
  SPEED_MAX,
  SPEED_MIN,
  updateSettings,
} from "../settings";
import type { GroupMixing, MixSettings } from "../types";
import { NumberField, SegmentedField, SelectField, ToggleField } from "./fields";
import styles from "./SettingsPanel.module.css";

interface Props {
  settings: MixSettings;
  onChange: (settings: MixSettings) => void;
}

const GROUP_MIXING: GroupMixing[] = ["off", "sequential", "random"];

/** Renders every mixing and output option of a generation. Changes apply at once and refresh the estimate. */
export function SettingsPanel({ settings, onChange }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<MixSettings>) => onChange(updateSettings(settings, patch));
  const groupMixingOn = settings.groupMixing !== "off";
  const duration = settings.duration;

  return (
    <div className={styles.panel}>
      <section className={styles.section} aria-labelledby="settings-mixing">
        <h3 id="settings-mixing">{t("videoMixer.settings.mixing")}</h3>
        <SegmentedField
          legend={t("videoMixer.settings.groupMixing")}
          name="groupMixing"
          value={settings.groupMixing}
          options={GROUP_MIXING.map((value) => ({ value, label: t(`videoMixer.settings.groupMixingOption.${value}`) }))}
          onChange={(groupMixing) => set({ groupMixing })}
          hint={t(`videoMixer.settings.groupMixingHint.${settings.groupMixing}`)}
        />
        {groupMixingOn && (
          <p className={styles.note} role="status">
            <Info size={16} aria-hidden="true" />
            {t("videoMixer.settings.groupMixingConflict")}
          </p>
        )}
        <ToggleField
          label={t("videoMixer.settings.orderMixing")}
          description={t("videoMixer.settings.orderMixingHint")}
          checked={settings.orderMixing}
          disabled={groupMixingOn}
          onChange={(orderMixing) => set({ orderMixing })}
        />
        <ToggleField
          label={t("videoMixer.settings.differentStart")}
          description={t("videoMixer.settings.differentStartHint")}
          checked={settings.differentStart}
          disabled={groupMixingOn}
          onChange={(differentStart) => set({ differentStart })}
        />
        <ToggleField
          label={t("videoMixer.settings.speed")}
          description={t("videoMixer.settings.speedHint")}
          checked={settings.speed !== null}
          onChange={(on) => set({ speed: on ? { min: 0.9, max: 1.1 } : null })}
        />
        {settings.speed && (
          <div className={styles.pair}>
            <NumberField
              label={t("videoMixer.settings.speedMin")}
              value={settings.speed.min}
              min={SPEED_MIN}
              max={settings.speed.max}
              step={0.05}
              suffix="×"
              onChange={(min) => set({ speed: { min, max: settings.speed?.max ?? min } })}
            />
            <NumberField
              label={t("videoMixer.settings.speedMax")}
              value={settings.speed.max}
              min={settings.speed.min}
              max={SPEED_MAX}
              step={0.05}
              suffix="×"
              onChange={(max) => set({ speed: { min: settings.speed?.min ?? max, max } })}
            />
          </div>
        )}
      </section>

      <section className={styles.section} aria-labelledby="settings-output">
        <h3 id="settings-output">{t("videoMixer.settings.output")}</h3>
        <SegmentedField
          legend={t("videoMixer.settings.aspectRatio")}
          name="aspectRatio"
          value={settings.aspectRatio}
          options={ASPECT_RATIOS.map((value) => ({
            value,
            label: value,
            // i18next reads ":" as a namespace separator, so the keys spell ratios with "x".
            description: t(`videoMixer.settings.aspectRatioUse.${value.replace(":", "x")}`),
          }))}
          onChange={(aspectRatio) => set({ aspectRatio })}
        />
        <div className={styles.triple}>
          <SelectField
            label={t("videoMixer.settings.resolution")}
            value={settings.resolution}
            options={RESOLUTIONS.map((value) => ({ value, label: value === "4k" ? "4K" : value }))}
            onChange={(resolution) => set({ resolution })}
          />
          <SelectField
            label={t("videoMixer.settings.fps")}
            value={settings.fps}
            options={FPS_OPTIONS.map((value) => ({ value, label: `${value} fps` }))}
            onChange={(fps) => set({ fps })}
          />
          <SelectField
            label={t("videoMixer.settings.bitrate")}
            value={settings.bitrate}
            options={BITRATES.map((value) => ({ value, label: t(`videoMixer.settings.bitrateOption.${value}`) }))}
            onChange={(bitrate) => set({ bitrate })}
          />
        </div>
      </section>

      <section className={styles.section} aria-labelledby="settings-duration">
        <h3 id="settings-duration">{t("videoMixer.settings.duration")}</h3>
        <SegmentedField
          legend={t("videoMixer.settings.durationMode")}
          name="durationMode"
          value={duration.mode}
          options={[
            { value: "original", label: t("videoMixer.settings.durationOriginal") },
            { value: "fixed", label: t("videoMixer.settings.durationFixed") },
          ]}
          onChange={(mode) => set({ duration: mode === "original" ? { mode } : { mode, seconds: 15, fit: "equal" } })}
        />
        {duration.mode === "fixed" && (
          <div className={styles.pair}>
            <NumberField
              label={t("videoMixer.settings.durationSeconds")}
              value={duration.seconds}
              min={FIXED_DURATION_MIN}
              max={FIXED_DURATION_MAX}
              step={1}
              suffix={t("common.secondsShort")}
              onChange={(seconds) => set({ duration: { ...duration, seconds } })}
            />
            <SelectField
              label={t("videoMixer.settings.durationFit")}
              value={duration.fit}
              options={DURATION_FITS.map((value) => ({ value, label: t(`videoMixer.settings.fitOption.${value}`) }))}
              onChange={(fit) => set({ duration: { ...duration, fit } })}
              hint={t(`videoMixer.settings.fitHint.${duration.fit}`)}
            />
          </div>
        )}
      </section>

      <section className={styles.section} aria-labelledby="settings-audio">
        <h3 id="settings-audio">{t("videoMixer.settings.audioAndMetadata")}</h3>
        <SegmentedField
          legend={t("videoMixer.settings.audio")}
          name="audio"
          value={settings.audio}
          options={[
            { value: "keep", label: t("videoMixer.settings.audioKeep") },
            { value: "mute", label: t("videoMixer.settings.audioMute") },
          ]}
          onChange={(audio) => set({ audio })}
        />
        <SelectField
          label={t("videoMixer.settings.metadataSource")}
          value={settings.metadataSource}
          options={METADATA_SOURCES.map((value) => ({
            value,
            label: t(`videoMixer.settings.metadataOption.${value}`),
          }))}
          onChange={(metadataSource) => set({ metadataSource })}
          hint={t("videoMixer.settings.metadataHint")}
        />
      </section>
    </div>
  );
}
