import type { MetadataRoute } from "next";

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Keyward",
    short_name: "Keyward",
    description: "API key management console",
    start_url: "/",
    display: "standalone",
    theme_color: "#4f39f6",
    background_color: "#fafafa",
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
    ],
  };
}
