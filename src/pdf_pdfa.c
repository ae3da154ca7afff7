/* pdf_pdfa.c — what makes an archival copy PDF/A-1b (ISO 19005-1, level B):
 * an sRGB OutputIntent (every colour vanban paints is device RGB or gray)
 * and an XMP metadata packet that says the same as the Info dictionary.
 * The font parts (CapHeight, CIDSet) are pdf_font.c's; the trailer /ID
 * comes from the content for every output (pdf_meta.c). */
#include "pdf_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

/* From Debian's icc-profiles-free (the profile of IEC 61966-2.1). */
#ifndef VANBAN_SRGB_ICC
#define VANBAN_SRGB_ICC "/usr/share/color/icc/sRGB.icc"
#endif

static void *need(struct render *r, void *obj)
{
	if (!obj)
		pdf_fail(r, HPDF_FAILD_TO_ALLOC_MEM);
	return obj;
}

static void output_intent(struct render *r)
{
	r->doing = N_("reading the sRGB colour profile");
	HPDF_Doc pdf = r->pdf;
	struct buf icc = {0};
	FILE *f = fopen(VANBAN_SRGB_ICC, "rb");
	if (!f)
		pdf_fail_errno(r, HPDF_FILE_OPEN_ERROR, errno);
	char chunk[8192];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&icc, chunk, n);
	fclose(f);
	r->doing = N_("writing the PDF/A output intent");
	HPDF_Dict profile = need(r, HPDF_DictStream_New(pdf->mmgr, pdf->xref));
	profile->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	pdf_check_status(r, HPDF_Dict_AddNumber(profile, "N", 3));
	HPDF_STATUS st = HPDF_Stream_Write(profile->stream, (const HPDF_BYTE *)icc.data, (HPDF_UINT)icc.len);
	buf_free(&icc);
	pdf_check_status(r, st);

	HPDF_Dict intent = need(r, HPDF_Dict_New(pdf->mmgr));
	pdf_check_status(r, HPDF_Dict_AddName(intent, "Type", "OutputIntent"));
	pdf_check_status(r, HPDF_Dict_AddName(intent, "S", "GTS_PDFA1"));
	pdf_check_status(r, HPDF_Dict_Add(intent, "OutputConditionIdentifier",
					  need(r, HPDF_String_New(pdf->mmgr, "sRGB IEC61966-2.1", NULL))));
	pdf_check_status(r, HPDF_Dict_Add(intent, "Info",
					  need(r, HPDF_String_New(pdf->mmgr, "sRGB IEC61966-2.1", NULL))));
	pdf_check_status(r, HPDF_Dict_Add(intent, "DestOutputProfile", profile));
	HPDF_Array intents = need(r, HPDF_Array_New(pdf->mmgr));
	pdf_check_status(r, HPDF_Array_Add(intents, intent));
	pdf_check_status(r, HPDF_Dict_Add(pdf->catalog, "OutputIntents", intents));
}

static void xml_text(struct buf *b, const char *s)
{
	for (; *s; s++)
		switch (*s) {
		case '&': buf_adds(b, "&amp;"); break;
		case '<': buf_adds(b, "&lt;"); break;
		case '>': buf_adds(b, "&gt;"); break;
		case '"': buf_adds(b, "&quot;"); break;
		default: buf_add(b, s, 1);
		}
}

/* <ns:name>value</ns:name>, a language alternative or an ordered list,
 * for a value the Info dictionary has (empty ones are left out there too). */
static void xmp_prop(struct buf *b, const char *name, const char *kind, const char *value)
{
	if (!value || !*value)
		return;
	buf_printf(b, "<%s>", name);
	if (kind)
		buf_printf(b, "<rdf:%s><rdf:li%s>", kind, !strcmp(kind, "Alt") ? " xml:lang=\"x-default\"" : "");
	xml_text(b, value);
	if (kind)
		buf_printf(b, "</rdf:li></rdf:%s>", kind);
	buf_printf(b, "</%s>\n", name);
}

static void metadata(struct render *r)
{
	r->doing = N_("writing the PDF/A metadata");
	HPDF_Doc pdf = r->pdf;
	const struct dl_meta *m = &r->dl->meta;
	HPDF_Date d = r->ctx->date;
	char date[32];
	snprintf(date, sizeof date, "%04d-%02d-%02dT%02d:%02d:%02d+00:00", d.year, d.month, d.day, d.hour,
		 d.minutes, d.seconds);
	struct buf x = {0};
	buf_adds(&x, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
		     "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
		     "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
		     "<rdf:Description rdf:about=\"\"\n"
		     " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"\n"
		     " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
		     " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
		     " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
		     "<pdfaid:part>1</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n");
	xmp_prop(&x, "dc:title", "Alt", m->title);
	xmp_prop(&x, "dc:creator", "Seq", m->author);
	xmp_prop(&x, "dc:description", "Alt", m->subject);
	xmp_prop(&x, "pdf:Keywords", NULL, m->keywords);
	xmp_prop(&x, "xmp:CreatorTool", NULL, m->creator);
	xmp_prop(&x, "pdf:Producer", NULL, "vanban");
	xmp_prop(&x, "xmp:CreateDate", NULL, date);
	xmp_prop(&x, "xmp:ModifyDate", NULL, date);
	buf_adds(&x, "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>");

	/* PDF/A-1 (6.7.2): the metadata stream is not filtered. */
	HPDF_Dict meta = need(r, HPDF_DictStream_New(pdf->mmgr, pdf->xref));
	meta->filter = HPDF_STREAM_FILTER_NONE;
	pdf_check_status(r, HPDF_Dict_AddName(meta, "Type", "Metadata"));
	pdf_check_status(r, HPDF_Dict_AddName(meta, "Subtype", "XML"));
	HPDF_STATUS st = HPDF_Stream_Write(meta->stream, (const HPDF_BYTE *)x.data, (HPDF_UINT)x.len);
	buf_free(&x);
	pdf_check_status(r, st);
	pdf_check_status(r, HPDF_Dict_Add(pdf->catalog, "Metadata", meta));
}

void pdf_pdfa(struct render *r)
{
	if (!r->pdfa)
		return;
	output_intent(r);
	metadata(r);
}
