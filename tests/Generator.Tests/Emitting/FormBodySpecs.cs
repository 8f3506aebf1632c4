namespace Tether.Generator.Tests.Emitting;

/// <summary>Small specs of our own with <c>application/x-www-form-urlencoded</c> bodies (the Twilio and Stripe shapes).</summary>
internal static class FormBodySpecs
{
    /// <summary>Every form shape the generator types, and one operation offering JSON as well.</summary>
    public const string Typed = """
        openapi: 3.1.0
        info: { title: Forms, version: "1" }
        servers: [{ url: "https://forms.example" }]
        paths:
          /messages:
            post:
              operationId: createMessage
              requestBody:
                required: true
                content:
                  application/x-www-form-urlencoded:
                    schema:
                      type: object
                      required: [To, Body]
                      properties:
                        To: { type: string }
                        Body: { type: string }
                        MaxPrice: { type: number }
                        Attempts: { type: integer }
                        SendOn: { type: string, format: date }
                        SmartEncoded: { type: boolean }
                        Priority: { $ref: "#/components/schemas/Priority" }
                        StatusCallbackEvent: { type: array, items: { type: string } }
                        Tags: { type: array, items: { type: string } }
                        Spaced: { type: array, items: { type: integer } }
                        Piped: { type: array, items: { type: string } }
                    encoding:
                      Tags: { style: form, explode: false }
                      Spaced: { style: spaceDelimited }
                      Piped: { style: pipeDelimited }
              responses:
                "201":
                  description: Created.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Result" }
          /customers:
            post:
              operationId: createCustomer
              requestBody:
                content:
                  application/x-www-form-urlencoded:
                    schema:
                      type: object
                      properties:
                        name: { type: string }
                        metadata: { type: object, additionalProperties: { type: string } }
                        address: { $ref: "#/components/schemas/Address" }
                        expand: { type: array, items: { type: string } }
                        items: { type: array, items: { $ref: "#/components/schemas/LineItem" } }
                        filter: { $ref: "#/components/schemas/Filter" }
                        color: { $ref: "#/components/schemas/Color" }
                        shade: { $ref: "#/components/schemas/Color" }
                    encoding:
                      metadata: { style: deepObject, explode: true }
                      address: { style: deepObject, explode: true }
                      expand: { style: deepObject, explode: true }
                      items: { style: deepObject, explode: true }
                      filter: { contentType: application/json }
                      shade: { style: form, explode: false }
              responses:
                "200":
                  description: OK.
                  content:
                    application/json:
                      schema: { $ref: "#/components/schemas/Result" }
          /both:
            post:
              operationId: createBoth
              requestBody:
                content:
                  application/json:
                    schema: { $ref: "#/components/schemas/Filter" }
                  application/x-www-form-urlencoded:
                    schema: { $ref: "#/components/schemas/Filter" }
              responses:
                "204": { description: Done. }
        components:
          schemas:
            Result:
              type: object
              properties:
                sid: { type: string }
            Priority:
              type: string
              enum: [low, high]
            Address:
              type: object
              properties:
                line1: { type: string }
                geo: { $ref: "#/components/schemas/Geo" }
            Geo:
              type: object
              properties:
                lat: { type: number }
                verified: { type: boolean }
            LineItem:
              type: object
              properties:
                price: { type: string }
                quantity: { type: integer }
            Filter:
              type: object
              properties:
                a: { type: integer }
                b: { type: string }
            Color:
              type: object
              properties:
                R: { type: integer }
                G: { type: integer }
        """;

    /// <summary>Forms that cannot be typed or encoded as written: each is a located warning, never a crash.</summary>
    public const string Untypable = """
        openapi: 3.1.0
        info: { title: Forms, version: "1" }
        servers: [{ url: "https://forms.example" }]
        paths:
          /uploads:
            post:
              operationId: uploadForm
              requestBody:
                content:
                  application/x-www-form-urlencoded:
                    schema:
                      type: object
                      properties:
                        name: { type: string }
                        file: { type: string, format: binary }
              responses:
                "204": { description: Done. }
          /lists:
            post:
              operationId: postList
              requestBody:
                content:
                  application/x-www-form-urlencoded:
                    schema: { type: array, items: { type: string } }
              responses:
                "204": { description: Done. }
          /odd:
            post:
              operationId: postOdd
              requestBody:
                content:
                  application/x-www-form-urlencoded:
                    schema:
                      type: object
                      properties:
                        ids: { type: array, items: { type: string } }
                        logo: { type: string }
                    encoding:
                      ids: { style: matrix }
                      logo: { contentType: image/png }
                      missing: { style: form }
              responses:
                "204": { description: Done. }
        """;
}
