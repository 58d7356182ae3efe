{{/* The name of every object: the release's, or "<release>-aviary" when the release name does not say aviary. */}}
{{- define "aviary.fullname" -}}
{{- if contains "aviary" .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-aviary" .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* The selector: stable across upgrades. */}}
{{- define "aviary.selectorLabels" -}}
app.kubernetes.io/name: aviary
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "aviary.labels" -}}
{{ include "aviary.selectorLabels" . }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}
